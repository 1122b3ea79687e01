import type { CloudDatabase } from '../runtime/cloud';

/**
 * Commands the SDK has at run time but leaves out of its type declarations
 * (`db.command.expr`, `db.command.aggregate.pipeline`).
 */
interface Pipeline {
  match(condition: unknown): Pipeline;
  project(fields: Record<string, unknown>): Pipeline;
  sort(order: Record<string, 1 | -1>): Pipeline;
  limit(count: number): Pipeline;
  done(): unknown;
}

export function expr(db: CloudDatabase, expression: unknown): object {
  return (db.command as unknown as { expr(value: unknown): object }).expr(expression);
}

export function pipeline(db: CloudDatabase): Pipeline {
  return (db.command.aggregate as unknown as { pipeline(): Pipeline }).pipeline();
}
