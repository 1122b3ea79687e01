import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runWithContext } from './context';
import type { WXContext } from './context';
import { FunctionTimeoutError, runAccounted } from './invocation';
import type { InvocationAccount } from './invocation';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, resolveLimits } from './limits';
import type { CloudLimits } from './limits';

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
  /** config.json `timeout` in seconds (1–60); 3 when absent, as in WeChat. */
  readonly timeoutSeconds?: number;
}

/** How many finished invocations the registry remembers (newest last). */
const HISTORY = 500;

/** The cloud functions the local cloud runs, by name, and how each is invoked as one request. */
export class FunctionRegistry {
  private readonly byName = new Map<string, LocalFunction>();
  /** How many invocations ran, per function (figures for the bench). */
  readonly invocations = new Map<string, number>();
  /** The latest finished invocations with their accounting (db requests, API calls, modelled ms). */
  readonly history: InvocationAccount[] = [];
  /** Timeouts set in the cloud console (开发管理 → 云函数 → 配置), which win over config.json. */
  private readonly consoleTimeouts = new Map<string, number>();

  constructor(readonly limits: CloudLimits = resolveLimits()) {
    for (const [name, seconds] of Object.entries(limits.consoleTimeouts)) this.setConsoleTimeout(name, seconds);
  }

  register(fn: LocalFunction): void {
    checkTimeout(fn.name, fn.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
    this.byName.set(fn.name, fn);
  }

  /** A timeout set by hand in the console (what a deploy guide tells the operator to set). */
  setConsoleTimeout(name: string, seconds: number): void {
    checkTimeout(name, seconds);
    this.consoleTimeouts.set(name, seconds);
  }

  /** The timeout an invocation of `name` gets: the console's, else config.json's, else WeChat's 3 s. */
  timeoutSeconds(name: string): number {
    return this.consoleTimeouts.get(name) ?? this.byName.get(name)?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
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

  /** The accounting of the latest finished invocation of `name`. */
  lastInvocation(name: string): InvocationAccount | undefined {
    for (let index = this.history.length - 1; index >= 0; index -= 1) if (this.history[index]?.functionName === name) return this.history[index];
    return undefined;
  }

  async invoke(name: string, event: unknown, context: WXContext): Promise<unknown> {
    return (await this.invokeAccounted(name, event, context)).result;
  }

  /**
   * One invocation as WeChat runs it: the event as JSON, the caller's context, and the function's
   * timeout against its modelled time (every database request and API call charged by the latency
   * model). Past the timeout the invocation fails with WeChat's timeout error (-504003), whatever the
   * function still does; the work done before it stays done, as in WeChat.
   */
  async invokeAccounted(name: string, event: unknown, context: WXContext): Promise<{ result: unknown; account: InvocationAccount }> {
    const fn = this.byName.get(name);
    if (!fn) throw new LocalCloudError(-501000, `[FunctionName] function not found: ${name}`);
    this.invocations.set(name, (this.invocations.get(name) ?? 0) + 1);
    const account: InvocationAccount = { functionName: name, timeoutMs: this.timeoutSeconds(name) * 1000, dbRequests: 0, openapiCalls: 0, storageCalls: 0, modelledMs: 0, dbRoundTrips: 0, dbMostInFlight: 0, timedOut: false };
    // The event travels as JSON in WeChat: the function never sees the caller's objects.
    const wireEvent: unknown = JSON.parse(JSON.stringify(event ?? {}));
    let expire: () => void = () => undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      expire = () => reject(new FunctionTimeoutError(account));
    });
    expired.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    if (this.limits.timeouts && this.limits.latencyMode === 'sleep') {
      // Slept latency is real time: then the function's real running time counts too.
      timer = setTimeout(() => {
        account.timedOut = true;
        expire();
      }, account.timeoutMs);
    }
    try {
      const work = runAccounted(account, () => expire(), () => runWithContext(context, () => fn.main(wireEvent, { function_name: name, namespace: context.ENV })));
      const result = await Promise.race([work, expired]);
      if (account.timedOut && this.limits.timeouts) throw new FunctionTimeoutError(account);
      return { result, account };
    } finally {
      if (timer) clearTimeout(timer);
      this.history.push(account);
      if (this.history.length > HISTORY) this.history.shift();
    }
  }
}

function checkTimeout(name: string, seconds: number): void {
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new Error(`cloud function ${name}: timeout must be 1–${MAX_TIMEOUT_SECONDS} seconds, as WeChat accepts, not ${seconds}`);
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

interface FunctionConfig {
  readonly timeout?: number;
  readonly triggers?: TimerTrigger[];
}

/**
 * Load every function of a folder laid out as WeChat expects (`<root>/<name>/index.(js|ts)`, optional
 * `config.json` with `timeout` and `triggers`). `entry` picks the built bundle (`index.js`) or the TypeScript source.
 */
export function loadFunctions(root: string, entry: 'index.js' | 'index.ts'): LocalFunction[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && existsSync(path.join(root, dirent.name, entry)))
    .map((dirent) => {
      const dir = path.join(root, dirent.name);
      const loaded = require(path.join(dir, entry)) as { main?: FunctionMain };
      if (typeof loaded.main !== 'function') throw new Error(`cloud function ${dirent.name} exports no main`);
      const timeoutSeconds = readTimeout(dir);
      return { name: dirent.name, main: loaded.main, triggers: readTriggers(dir), ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}) };
    });
}

function readConfig(dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json');
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig;
}

export function readTriggers(dir: string): TimerTrigger[] {
  return (readConfig(dir).triggers ?? []).filter((trigger) => trigger.type === 'timer');
}

/** config.json `timeout` (seconds), undefined when not declared (WeChat's 3 s then apply). */
export function readTimeout(dir: string): number | undefined {
  const timeout = readConfig(dir).timeout;
  if (timeout === undefined) return undefined;
  if (typeof timeout !== 'number') throw new Error(`${path.join(dir, 'config.json')}: timeout must be a number of seconds`);
  return timeout;
}
