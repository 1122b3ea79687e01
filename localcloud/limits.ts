/**
 * WeChat's limits the local cloud enforces, on by default (tests and `npm start`): subscription
 * quotas, each function's timeout, the database's concurrent connections, and a latency model that
 * makes time pass as it would in WeChat.
 */

/** Modelled cost of one round trip from a cloud function (WeChat measures 20–80 ms a database request). */
export interface LatencyModel {
  /** One database request (a get, an update, a transaction start or commit …). */
  readonly databaseMs: number;
  /** One openapi call (subscribeMessage.send, wxacode.getUnlimited) or cloud storage call. */
  readonly openapiMs: number;
}

export interface CloudLimits {
  /** A subscription message needs an allowance the person gave by tapping (else 43101). */
  readonly subscriptionQuotas: boolean;
  /** Template ids modelled as long-term subscriptions (one acceptance, many sends). */
  readonly longTermTemplates: readonly string[];
  /** Enforce each function's `config.json` timeout (3 s when none) against its modelled time. */
  readonly timeouts: boolean;
  /** Per-function timeouts (seconds) set in the cloud console, which win over config.json. */
  readonly consoleTimeouts: Readonly<Record<string, number>>;
  readonly latency: LatencyModel;
  /**
   * `virtual` (default): modelled time is only accounted, so tests stay fast and deterministic;
   * `sleep`: each request also waits its modelled time (an opt-in for `npm start`, to feel WeChat's pace).
   */
  readonly latencyMode: 'virtual' | 'sleep';
  /**
   * Database requests one function invocation may have waiting at once: the basic environment's 20
   * concurrent database connections (WeChat's resource quota), beyond which requests are refused with
   * -501004. `null`: unlimited.
   */
  readonly databaseConnections: number | null;
}

export const defaultLatency: LatencyModel = { databaseMs: 30, openapiMs: 100 };

/** 同时连接数 of the basic environment's database (云开发资源配额). */
export const DATABASE_CONNECTIONS = 20;

/** WeChat's default function timeout; the console accepts 1–60 s. */
export const DEFAULT_TIMEOUT_SECONDS = 3;
export const MAX_TIMEOUT_SECONDS = 60;

/**
 * The limits from the environment, then `overrides`:
 * `GJ_LOCAL_LATENCY_DB_MS`, `GJ_LOCAL_LATENCY_OPENAPI_MS` (numbers), `GJ_LOCAL_LATENCY=sleep`,
 * `GJ_LOCAL_LONG_TERM_TEMPLATES` (comma-separated template ids), `GJ_LOCAL_FUNCTION_TIMEOUTS`
 * (console timeouts, e.g. `admin=60,points=20`), `GJ_LOCAL_LIMITS=off` (none enforced).
 */
export function resolveLimits(overrides: Partial<CloudLimits> = {}, env: NodeJS.ProcessEnv = process.env): CloudLimits {
  const enforced = env.GJ_LOCAL_LIMITS !== 'off';
  const fromEnv: CloudLimits = {
    subscriptionQuotas: enforced,
    longTermTemplates: (env.GJ_LOCAL_LONG_TERM_TEMPLATES ?? '').split(',').map((id) => id.trim()).filter(Boolean),
    timeouts: enforced,
    consoleTimeouts: consoleTimeouts(env.GJ_LOCAL_FUNCTION_TIMEOUTS ?? ''),
    latency: {
      databaseMs: milliseconds(env.GJ_LOCAL_LATENCY_DB_MS, defaultLatency.databaseMs, 'GJ_LOCAL_LATENCY_DB_MS'),
      openapiMs: milliseconds(env.GJ_LOCAL_LATENCY_OPENAPI_MS, defaultLatency.openapiMs, 'GJ_LOCAL_LATENCY_OPENAPI_MS'),
    },
    latencyMode: env.GJ_LOCAL_LATENCY === 'sleep' ? 'sleep' : 'virtual',
    databaseConnections: enforced ? DATABASE_CONNECTIONS : null,
  };
  return { ...fromEnv, ...overrides, latency: { ...fromEnv.latency, ...overrides.latency } };
}

function milliseconds(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number of milliseconds, not "${raw}"`);
  return value;
}

function consoleTimeouts(raw: string): Record<string, number> {
  const entries = raw
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [name, seconds] = pair.split('=');
      const value = Number(seconds);
      if (!name || !Number.isFinite(value)) throw new Error(`GJ_LOCAL_FUNCTION_TIMEOUTS: "${pair}" is not name=seconds`);
      return [name.trim(), value] as const;
    });
  return Object.fromEntries(entries);
}
