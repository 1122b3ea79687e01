import type { z } from 'zod';
import { ActionFailure } from './failure';

/** Parse input at the boundary; the first problem becomes INVALID_INPUT naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const userMessage = issue && typeof issue.message === 'string' && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : undefined;
  throw new ActionFailure('INVALID_INPUT', `invalid input${field ? ` at ${field}` : ''}: ${issue?.message ?? 'unknown'}`, {
    ...(field !== undefined ? { field } : {}),
    ...(userMessage !== undefined ? { userMessage } : {}),
  });
}
