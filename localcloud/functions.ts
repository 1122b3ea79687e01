import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runWithContext } from './context';
import type { WXContext } from './context';

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>;

export interface TimerTrigger {
  readonly name: string;
  readonly type: 'timer';
  /** WeChat's 7-field cron: second minute hour day month weekday year. */
  readonly config: string;
}

export interface LocalFunction {
  readonly name: string;
  readonly main: FunctionMain;
  readonly triggers: readonly TimerTrigger[];
}

/** The cloud functions the local cloud runs, by name, and how each is invoked as one request. */
export class FunctionRegistry {
  private readonly byName = new Map<string, LocalFunction>();
  /** How many invocations ran, per function (figures for the bench). */
  readonly invocations = new Map<string, number>();

  register(fn: LocalFunction): void {
    this.byName.set(fn.name, fn);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  all(): LocalFunction[] {
    return [...this.byName.values()];
  }

  async invoke(name: string, event: unknown, context: WXContext): Promise<unknown> {
    const fn = this.byName.get(name);
    if (!fn) throw new LocalCloudError(-501000, `[FunctionName] function not found: ${name}`);
    this.invocations.set(name, (this.invocations.get(name) ?? 0) + 1);
    // The event travels as JSON in WeChat: the function never sees the caller's objects.
    const wireEvent: unknown = JSON.parse(JSON.stringify(event ?? {}));
    return runWithContext(context, () => fn.main(wireEvent, { function_name: name, namespace: context.ENV }));
  }
}

export class LocalCloudError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
  }
}

/**
 * Load every function of a folder laid out as WeChat expects (`<root>/<name>/index.(js|ts)`, optional
 * `config.json` with `triggers`). `entry` picks the built bundle (`index.js`) or the TypeScript source.
 */
export function loadFunctions(root: string, entry: 'index.js' | 'index.ts'): LocalFunction[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && existsSync(path.join(root, dirent.name, entry)))
    .map((dirent) => {
      const dir = path.join(root, dirent.name);
      const loaded = require(path.join(dir, entry)) as { main?: FunctionMain };
      if (typeof loaded.main !== 'function') throw new Error(`cloud function ${dirent.name} exports no main`);
      return { name: dirent.name, main: loaded.main, triggers: readTriggers(dir) };
    });
}

export function readTriggers(dir: string): TimerTrigger[] {
  const file = path.join(dir, 'config.json');
  if (!existsSync(file)) return [];
  const config = JSON.parse(readFileSync(file, 'utf8')) as { triggers?: TimerTrigger[] };
  return (config.triggers ?? []).filter((trigger) => trigger.type === 'timer');
}
