/**
 * Plugs a LocalDatabase into the real wx-server-sdk.
 *
 * Every database call of the SDK goes through one requester class,
 * `Db.reqClass` of @cloudbase/database (`new Db.reqClass(config).send(action,
 * params)`). @cloudbase/node-sdk re-assigns it to its HTTP requester on every
 * cloud.database(), so while installed the property is pinned with a getter
 * returning the local requester and a setter that ignores re-assignment. The
 * HTTP requester (and its credential lookup, whose un-awaited rejection about
 * a missing secretId/secretKey would otherwise crash a plain node process) is
 * therefore never reached for database calls.
 *
 * While installed, count/update/remove/aggregate on a transaction's collection
 * are refused too: the SDK sends them without the transaction id (so in WeChat
 * they would run outside the transaction), see errors.notAllowedInTransaction.
 */
import path from 'node:path';
import { engineOf, type LocalDatabase } from './database';
import { CloudDbError, notAllowedInTransaction } from './errors';
import { newRequestId } from './ids';
import { dispatch, type WireResult } from './requester';

/** The parts of @cloudbase/database's Db class touched here. */
interface DbClass {
  new (config: unknown): { collection(name: string): object };
}

interface QueryPrototype {
  count: (...args: unknown[]) => Promise<unknown>;
  update: (...args: unknown[]) => Promise<unknown>;
  remove: (...args: unknown[]) => Promise<unknown>;
  updateAndReturn?: (...args: unknown[]) => Promise<unknown>;
}

interface CollectionPrototype {
  aggregate: (...args: unknown[]) => { end: () => Promise<unknown> };
}

interface InTransaction {
  _transactionId?: string;
}

interface Installation {
  readonly stack: LocalDatabase[];
  readonly restore: () => void;
}

const installations = new WeakMap<DbClass, Installation>();

/**
 * Makes every `cloud.database()` of the wx-server-sdk answer from `db`.
 * `sdk`: the wx-server-sdk module to patch, already `init()`ed; by default
 * the one `require('wx-server-sdk')` resolves to (init not needed).
 * Installing again stacks: the latest database answers (every request, also
 * from collection references created earlier) until its uninstall.
 * Returns the uninstall function.
 */
export function installLocalDatabase(db: LocalDatabase, sdk?: unknown): () => void {
  engineOf(db); // fails early for anything else
  const Db = sdk === undefined ? resolveDbClass() : dbClassOf(sdk);
  let installation = installations.get(Db);
  if (!installation) {
    installation = pin(Db);
    installations.set(Db, installation);
  }
  const { stack } = installation;
  stack.push(db);
  let installed = true;
  return () => {
    if (!installed) return;
    installed = false;
    const index = stack.lastIndexOf(db);
    if (index >= 0) stack.splice(index, 1);
    if (stack.length === 0) {
      installation?.restore();
      installations.delete(Db);
    }
  };
}

function pin(Db: DbClass): Installation {
  const stack: LocalDatabase[] = [];
  /**
   * Resolves the database when a request is sent, not when the SDK creates the
   * requester: collection references kept at module level (created once, at
   * import) then follow whichever database is installed now.
   */
  class LocalRequester {
    constructor(_config: unknown) {}

    async send(action: string, params?: unknown, _options?: unknown): Promise<WireResult> {
      const db = stack[stack.length - 1];
      if (!db) throw new Error('installLocalDatabase: no local database is installed');
      const waiting = db.beforeRequest(action);
      if (waiting) await waiting;
      let land: (() => Promise<void>) | undefined;
      try {
        land = db.whenSent(action);
      } catch (error) {
        if (!(error instanceof CloudDbError)) throw error;
        return { code: error.code, message: error.message, requestId: newRequestId() };
      }
      try {
        return await dispatch(engineOf(db), action, params);
      } finally {
        if (land) await land();
      }
    }
  }

  const original = Object.getOwnPropertyDescriptor(Db, 'reqClass');
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    enumerable: true,
    get: () => LocalRequester,
    set: () => {
      /* node-sdk re-assigns its HTTP requester on every cloud.database(): ignored while installed */
    },
  });

  const collectionProto = Object.getPrototypeOf(new Db({}).collection('__probe__')) as CollectionPrototype;
  const queryProto = Object.getPrototypeOf(collectionProto) as QueryPrototype;
  const restoreGuards = guardTransactions(queryProto, collectionProto);

  return {
    stack,
    restore: () => {
      restoreGuards();
      if (original) Object.defineProperty(Db, 'reqClass', original);
      else delete (Db as unknown as { reqClass?: unknown }).reqClass;
    },
  };
}

function refusal(operation: string): WireResult {
  const error = notAllowedInTransaction(operation);
  return { code: error.code, message: error.message, requestId: newRequestId() };
}

function guardTransactions(queryProto: QueryPrototype, collectionProto: CollectionPrototype): () => void {
  const originals = {
    count: queryProto.count,
    update: queryProto.update,
    remove: queryProto.remove,
    updateAndReturn: queryProto.updateAndReturn,
    aggregate: collectionProto.aggregate,
  };
  const guard = (name: 'count' | 'update' | 'remove' | 'updateAndReturn', original: QueryPrototype['count']) =>
    async function guarded(this: InTransaction, ...args: unknown[]): Promise<unknown> {
      if (this._transactionId) return refusal(`where().${name}()`);
      return original.apply(this, args);
    };
  queryProto.count = guard('count', originals.count);
  queryProto.update = guard('update', originals.update);
  queryProto.remove = guard('remove', originals.remove);
  if (originals.updateAndReturn) queryProto.updateAndReturn = guard('updateAndReturn', originals.updateAndReturn);
  collectionProto.aggregate = function guardedAggregate(this: InTransaction, ...args: unknown[]) {
    const aggregation = originals.aggregate.apply(this, args);
    if (this._transactionId) aggregation.end = async () => refusal('aggregate()');
    return aggregation;
  };
  return () => {
    queryProto.count = originals.count;
    queryProto.update = originals.update;
    queryProto.remove = originals.remove;
    if (originals.updateAndReturn) queryProto.updateAndReturn = originals.updateAndReturn;
    collectionProto.aggregate = originals.aggregate;
  };
}

/** @cloudbase/database's Db as loaded by wx-server-sdk -> @cloudbase/node-sdk. */
function resolveDbClass(): DbClass {
  const sdkEntry = require.resolve('wx-server-sdk');
  const nodeSdkEntry = require.resolve('@cloudbase/node-sdk', { paths: [path.dirname(sdkEntry)] });
  const databaseEntry = require.resolve('@cloudbase/database', { paths: [path.dirname(nodeSdkEntry)] });
  const loaded = require(databaseEntry) as { Db?: unknown };
  if (typeof loaded.Db !== 'function') throw new Error(`no Db class in ${databaseEntry}`);
  return loaded.Db as DbClass;
}

/** The Db class behind an init()ed wx-server-sdk module object. */
function dbClassOf(sdk: unknown): DbClass {
  const database = (sdk as { database?: unknown }).database;
  if (typeof database !== 'function') throw new Error('installLocalDatabase: not a wx-server-sdk module');
  let probe: unknown;
  try {
    probe = database.call(sdk);
  } catch (error) {
    throw new Error(
      `installLocalDatabase: call cloud.init() before installing into a given SDK module (${String(error)})`,
    );
  }
  const inner = (probe as { _db?: { constructor?: unknown } })._db?.constructor;
  if (typeof inner !== 'function') throw new Error('installLocalDatabase: unexpected wx-server-sdk internals');
  return inner as DbClass;
}
