/**
 * Answers @cloudbase/database wire requests (`send(action, params)`) with the
 * shapes the SDK reads:
 *
 *   database.insertDocument     {collectionName, data: EJSON[], transactionId?}
 *                               -> {data: {insertedIds}}
 *   database.getDocument        {collectionName, queryType: DOC|WHERE, query, offset?, limit?,
 *                                order?, projection?, transactionId?}  -> {data: {list: EJSON[]}}
 *   database.calculateDocument  {collectionName, queryType, query?}    -> {data: {total}}
 *   database.modifyDocument     {collectionName, queryType, query, data, multi, merge, upsert,
 *                                transactionId?}                       -> {data: {updated, upsert_id?}}
 *   database.removeDocument     {collectionName, queryType, query, multi, transactionId?}
 *                               -> {data: {deleted}}
 *   database.aggregateDocuments {collectionName, stages: [{stageKey, stageValue: EJSON}]}
 *                               -> {data: {list: EJSON[]}}
 *   database.startTransaction   -> {transactionId}
 *   database.commitTransaction / database.abortTransaction {transactionId} -> {}
 *   database.addCollection      {collectionName} -> {}
 *
 * Every answer carries a requestId; failures are `{code, message, requestId}`
 * (wx-server-sdk runs with throwOnCode: false and turns them into errors).
 */
import type { Engine } from './engine';
import { parseWire, parseWireObject, stringifyWire } from './ejson';
import { invalidParam, notAllowedInTransaction, toCloudDbError } from './errors';
import { newRequestId } from './ids';
import { isPlainObject, type Doc } from './types';
import { checkDocumentId } from './documentIds';
import { LockedByTransactions } from './transactions';

/**
 * Server-side get(): 100 documents by default, 1000 at most. The SDK itself
 * clamps `.limit(n)` to 1000 before sending (`limit < 1000 ? limit : 1000`),
 * so `.limit(5000).get()` returns at most 1000 documents without an error,
 * exactly as in WeChat; a wire request asking for more (only possible by
 * bypassing the SDK) is refused.
 */
export const DEFAULT_GET_LIMIT = 100;
export const MAX_GET_LIMIT = 1000;

export type WireResult = Record<string, unknown> & { requestId: string };

export function dispatch(engine: Engine, action: string, params: unknown): WireResult | Promise<WireResult> {
  engine.stats.requests += 1;
  return attempt(engine, action, params, newRequestId());
}

/**
 * One request; a non-transactional write of a document a transaction has locked waits until the
 * transaction ends, then runs again (WeChat blocks such writes until the lock is released).
 */
function attempt(engine: Engine, action: string, params: unknown, requestId: string): WireResult | Promise<WireResult> {
  try {
    const p: Doc = isPlainObject(params) ? params : {};
    return { ...answer(engine, action, p, Date.now()), requestId };
  } catch (error) {
    if (error instanceof LockedByTransactions) return engine.released(error.transactionIds).then(() => attempt(engine, action, params, requestId));
    const failure = toCloudDbError(error);
    return { code: failure.code, message: failure.message, requestId };
  }
}

function answer(engine: Engine, action: string, p: Doc, now: number): Doc {
  switch (action) {
    case 'database.insertDocument':
      return insertDocument(engine, p, now);
    case 'database.getDocument':
      return getDocument(engine, p, now);
    case 'database.calculateDocument':
      return { data: { total: engine.count(p.collectionName, optionalQuery(p, now)) } };
    case 'database.modifyDocument':
      return modifyDocument(engine, p, now);
    case 'database.removeDocument':
      return removeDocument(engine, p, now);
    case 'database.aggregateDocuments':
      return aggregateDocuments(engine, p, now);
    case 'database.startTransaction':
      return { transactionId: engine.startTransaction() };
    case 'database.commitTransaction':
      engine.commitTransaction(p.transactionId);
      return {};
    case 'database.abortTransaction':
      engine.abortTransaction(p.transactionId);
      return {};
    case 'database.addCollection':
      engine.createCollection(p.collectionName);
      return {};
    default:
      throw invalidParam(`action ${action} is not supported by the local cloud database`);
  }
}

function insertDocument(engine: Engine, p: Doc, now: number): Doc {
  if (!Array.isArray(p.data) || p.data.length === 0) throw invalidParam('data must be a non-empty array of documents');
  const docs = p.data.map((item) => {
    if (typeof item !== 'string') throw invalidParam('data items must be EJSON strings');
    return parseWireObject(item, now, 'document');
  });
  return { data: { insertedIds: engine.insert(p.collectionName, docs, p.transactionId) } };
}

function getDocument(engine: Engine, p: Doc, now: number): Doc {
  const projection = typeof p.projection === 'string' ? parseWireObject(p.projection, now, 'projection') : undefined;
  if (p.queryType === 'DOC') {
    const docs = engine.getById(p.collectionName, docId(p, now), projection, p.transactionId);
    return { data: { list: docs.map(stringifyWire) } };
  }
  if (p.transactionId !== undefined) throw notAllowedInTransaction('where().get()');
  const limit = p.limit === undefined ? DEFAULT_GET_LIMIT : p.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw invalidParam('limit must be a positive integer');
  if (limit > MAX_GET_LIMIT) throw invalidParam(`limit must not exceed ${MAX_GET_LIMIT}`);
  const offset = p.offset === undefined ? 0 : p.offset;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw invalidParam('offset must be a non-negative integer');
  const order = typeof p.order === 'string' ? parseWireObject(p.order, now, 'order') : undefined;
  const found = engine.findForWire(p.collectionName, optionalQuery(p, now), { order, offset, limit, projection });
  return { data: { list: found.map((item) => item.wire ?? stringifyWire(item.doc)) } };
}

function modifyDocument(engine: Engine, p: Doc, now: number): Doc {
  if (typeof p.data !== 'string') throw invalidParam('data is required');
  const data = parseWireObject(p.data, now, 'data');
  if (p.merge === false) {
    // doc(id).set(): replace (upsert) one document.
    if (p.queryType !== 'DOC') throw invalidParam('replacing documents requires doc(id)');
    const id = docId(p, now);
    checkDocumentId(id);
    const result = engine.setById(p.collectionName, id, data, p.transactionId);
    return { data: result.upsertedId ? { updated: result.updated, upsert_id: result.upsertedId } : { updated: result.updated } };
  }
  if (p.upsert === true) throw invalidParam('upsert with update operators is not supported; use doc(id).set()');
  if (p.queryType === 'DOC') {
    return { data: { updated: engine.updateById(p.collectionName, docId(p, now), data, p.transactionId) } };
  }
  if (p.transactionId !== undefined) throw notAllowedInTransaction('where().update()');
  const query = requiredQuery(p, now, 'update');
  return { data: { updated: engine.updateWhere(p.collectionName, query, data, p.multi !== false) } };
}

function removeDocument(engine: Engine, p: Doc, now: number): Doc {
  if (p.queryType === 'DOC') {
    return { data: { deleted: engine.removeById(p.collectionName, docId(p, now), p.transactionId) } };
  }
  if (p.transactionId !== undefined) throw notAllowedInTransaction('where().remove()');
  const query = requiredQuery(p, now, 'remove');
  return { data: { deleted: engine.removeWhere(p.collectionName, query, p.multi !== false) } };
}

function aggregateDocuments(engine: Engine, p: Doc, now: number): Doc {
  if (!Array.isArray(p.stages)) throw invalidParam('stages must be an array');
  const stages = p.stages.map((stage): Doc => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
      throw invalidParam('malformed aggregation stage');
    }
    return { [stage.stageKey]: parseWire(stage.stageValue, now) };
  });
  return { data: { list: engine.aggregate(p.collectionName, stages).map(stringifyWire) } };
}

/** The `_id` of a DOC-type request (`query` is `{"_id": id}`). */
function docId(p: Doc, now: number): unknown {
  if (typeof p.query !== 'string') throw invalidParam('query is required');
  return parseWireObject(p.query, now, 'query')._id;
}

function optionalQuery(p: Doc, now: number): Doc {
  return typeof p.query === 'string' && p.query !== '' ? parseWireObject(p.query, now, 'query') : {};
}

/**
 * Bulk update/remove need an explicit where(): a bare collection.update() or
 * collection.remove() (no condition on the wire) is refused rather than
 * touching every document. where({}) is explicit and allowed.
 */
function requiredQuery(p: Doc, now: number, operation: string): Doc {
  if (typeof p.query !== 'string' || p.query === '') {
    throw invalidParam(`${operation} of many documents requires a where() condition`);
  }
  return parseWireObject(p.query, now, 'query');
}
