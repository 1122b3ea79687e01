/**
 * Query evaluation: candidate rows from SQLite (through an index when the
 * query allows, see prefilter.ts), then the exact MongoDB semantics of mingo.
 */
import { Query } from 'mingo';
import type { CollectionInfo } from './catalog';
import { decodeDoc } from './codec';
import { storedAsWire } from './ejson';
import { errorMessage, invalidParam, requestFailed, toCloudDbError } from './errors';
import { CLOUD_CONTEXT, withCloudOperators } from './cloudOperators';
import { checkProjection, checkQuery } from './operators';
import { buildPrefilter } from './prefilter';
import type { Store } from './store';
import { idFirst, type Doc } from './types';

export interface ScanStats {
  indexScans: number;
  fullScans: number;
  /** Documents read from storage and decoded (whole, or the few fields a pipeline uses). */
  documentsRead: number;
}

export interface Candidate {
  readonly id: string;
  readonly seq: number;
  readonly doc: Doc;
  /** The stored text the document was decoded from. */
  readonly text?: string;
}

/** A document find() answers, with its stored text when that is also its wire text (ejson.ts storedAsWire). */
export interface Found {
  readonly doc: Doc;
  readonly wire: string | undefined;
}

export interface FindOptions {
  readonly order?: Doc;
  readonly offset?: number;
  readonly limit?: number;
  readonly projection?: Doc;
}

/** Rows that may match `query`, in natural order, decoded. */
export function loadCandidates(store: Store, info: CollectionInfo, query: Doc, stats: ScanStats): Candidate[] {
  const condition = buildPrefilter(info, query);
  if (condition) stats.indexScans += 1;
  else stats.fullScans += 1;
  const rows = store.scan(info.name, condition);
  stats.documentsRead += rows.length;
  return rows.map((row) => ({ id: row.id, seq: row.seq, doc: decodeDoc(row.data), text: row.data }));
}

export function compileQuery(query: Doc): Query {
  // Only WeChat's operators reach mingo (operators.ts).
  checkQuery(query);
  try {
    // Server-side JavaScript ($where, $function) is not available in the cloud.
    return new Query(withCloudOperators(query), { scriptEnabled: false, context: CLOUD_CONTEXT });
  } catch (error) {
    throw toCloudDbError(error);
  }
}

export function matching(candidates: readonly Candidate[], query: Doc): Candidate[] {
  const compiled = compileQuery(query);
  return candidates.filter((candidate) => compiled.test(candidate.doc));
}

/** find(): filter, order, skip, limit, then projection, as the cloud does. */
export function findDocs(candidates: readonly Candidate[], query: Doc, options: FindOptions): Doc[] {
  const compiled = compileQuery(query);
  if (options.projection) checkProjection(options.projection);
  try {
    let cursor = compiled.find<Doc>(
      candidates.map((candidate) => candidate.doc),
      options.projection && Object.keys(options.projection).length > 0 ? options.projection : undefined,
    );
    if (options.order && Object.keys(options.order).length > 0) cursor = cursor.sort(checkOrder(options.order));
    if (options.offset) cursor = cursor.skip(options.offset);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return cursor.all().map(idFirst);
  } catch (error) {
    throw requestFailed(errorMessage(error));
  }
}

/**
 * findDocs(), each document with the text it was stored as when that is already its answer: without
 * a projection mingo answers the candidates' own objects (unchanged), so their stored text is their wire text.
 */
export function findWithWire(candidates: readonly Candidate[], query: Doc, options: FindOptions): Found[] {
  const docs = findDocs(candidates, query, options);
  if (options.projection && Object.keys(options.projection).length > 0) return docs.map((doc) => ({ doc, wire: undefined }));
  const stored = new Map<Doc, string>();
  for (const candidate of candidates) {
    const wire = candidate.text === undefined ? undefined : storedAsWire(candidate.text);
    if (wire !== undefined) stored.set(candidate.doc, wire);
  }
  return docs.map((doc) => ({ doc, wire: stored.get(doc) }));
}

/** Projection of a single document (doc(id).field(...).get()). */
export function projectDoc(doc: Doc, projection: Doc | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return findDocs([{ id: '', seq: 0, doc }], {}, { projection })[0] ?? doc;
}

function checkOrder(order: Doc): Record<string, 1 | -1> {
  const out: Record<string, 1 | -1> = {};
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`invalid sort direction for ${field}`);
    out[field] = direction;
  }
  return out;
}
