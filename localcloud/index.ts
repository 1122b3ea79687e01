import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { WXContext } from './context';
import { LocalDatabase, installLocalDatabase } from './db';
import type { CollectionSpec } from './db/indexSpec';
import { FunctionRegistry } from './functions';
import type { LocalFunction } from './functions';
import { charge, never, sendDatabaseRequest, STOPPED } from './invocation';
import type { RequestKind } from './invocation';
import { resolveLimits } from './limits';
import type { CloudLimits } from './limits';
import { LocalStore } from './localStore';
import { Outbox } from './outbox';
import { wxServerSdk } from './sdk';
import { patchSdk } from './sdkPatch';
import { LocalStorage } from './storage';
import { Subscriptions } from './subscriptions';
import { provideSurveySecret } from './surveySecret';

export interface LocalCloudOptions {
  /** Folder for the database, storage and local state; `null` keeps everything in memory (tests). */
  readonly dataDir: string | null;
  readonly collections: readonly CollectionSpec[];
  readonly functions?: readonly LocalFunction[];
  readonly env?: string;
  /** Where the h5 app is served, for temporary file URLs and QR codes. */
  readonly baseUrl?: string;
  /** Mini-program pages that exist, for `wxacode.getUnlimited`'s `checkPath`. */
  readonly pages?: readonly string[];
  readonly now?: () => Date;
  /** WeChat's limits (subscription quotas, timeouts, latency model); defaults from the environment, all on. */
  readonly limits?: Partial<CloudLimits>;
}

/**
 * The embedded local cloud: the real `wx-server-sdk` answered by SQLite (database), local disk
 * (storage), an outbox (subscription messages) and in-process functions, so that the same function
 * code runs here, in tests and in WeChat. One local cloud is installed at a time.
 */
export class LocalCloud {
  readonly env: string;
  readonly db: LocalDatabase;
  readonly store: LocalStore;
  readonly outbox: Outbox;
  /** Allowances people gave by tapping (recorded from `requestSubscribeMessage`'s answers). */
  readonly subscriptions: Subscriptions;
  readonly storage: LocalStorage;
  readonly limits: CloudLimits;
  readonly functions: FunctionRegistry;
  baseUrl: string;
  pages: readonly string[];
  private readonly uninstall: Array<() => void> = [];

  constructor(options: LocalCloudOptions) {
    this.env = options.env ?? 'local';
    this.baseUrl = options.baseUrl ?? 'http://127.0.0.1:8720';
    this.pages = options.pages ?? [];
    const now = options.now ?? (() => new Date());
    const dir = options.dataDir;
    if (dir !== null) mkdirSync(dir, { recursive: true });
    provideSurveySecret(dir);
    this.limits = resolveLimits(options.limits);
    this.functions = new FunctionRegistry(this.limits);
    const chargeRequest = (kind: RequestKind): Promise<void> | undefined => {
      const cost = charge(kind, this.limits.latency, this.limits.timeouts);
      if (cost === STOPPED) return never();
      return this.limits.latencyMode === 'sleep' && cost > 0 ? new Promise((resolve) => setTimeout(resolve, cost)) : undefined;
    };
    this.db = new LocalDatabase({ file: dir === null ? ':memory:' : path.join(dir, 'database.sqlite'), beforeRequest: () => chargeRequest('database'), whenSent: () => sendDatabaseRequest(this.limits.databaseConnections) });
    this.store = new LocalStore(dir === null ? ':memory:' : path.join(dir, 'local.sqlite'));
    this.subscriptions = new Subscriptions(this.store, this.limits.longTermTemplates);
    this.outbox = new Outbox(this.store, this.limits.subscriptionQuotas ? this.subscriptions : null);
    this.storage = new LocalStorage(dir === null ? path.join(require('node:os').tmpdir(), `gongjian-storage-${process.pid}-${Date.now()}`) : path.join(dir, 'storage'), this.env, () => this.baseUrl);
    for (const spec of options.collections) this.db.ensureCollection(spec);
    for (const fn of options.functions ?? []) this.functions.register(fn);

    const sdk = wxServerSdk();
    sdk.init({ env: this.env });
    this.uninstall.push(installLocalDatabase(this.db));
    this.uninstall.push(
      patchSdk(sdk as unknown as Record<string, unknown>, {
        env: this.env,
        functions: this.functions,
        storage: this.storage,
        outbox: this.outbox,
        baseUrl: () => this.baseUrl,
        knownPages: () => this.pages,
        now,
        charge: chargeRequest,
      }),
    );
  }

  /** Call a function as a person of the mini-program (their openid), as `wx.cloud.callFunction` would. */
  callAs(openid: string | undefined, functionName: string, event: unknown): Promise<unknown> {
    const context: WXContext = { ENV: this.env, SOURCE: 'wx_client', APPID: 'wx-local-app', ...(openid ? { OPENID: openid } : {}) };
    return this.functions.invoke(functionName, event, context);
  }

  close(): void {
    while (this.uninstall.length > 0) this.uninstall.pop()?.();
    this.db.close();
    this.store.close();
  }
}

export type { LocalFunction } from './functions';
export type { InvocationAccount } from './invocation';
export type { CloudLimits, LatencyModel } from './limits';
export { loadFunctions } from './functions';
