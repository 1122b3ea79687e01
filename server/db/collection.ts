import type { CloudDatabase } from '../runtime/cloud';
import type { CollectionName } from './collections';
import { eachAtMost } from './parallel';

/**
 * A typed handle on one collection of the cloud database: the only place the SDK's query builders
 * are called, so repositories read as plain data access. The SDK declares every call as
 * `Promise<Result> | void | string` (callback overloads); this file states once what a promise call returns.
 *
 * Only repositories (server/repositories/) and this folder name collections (lint rule).
 */
export interface FindOptions {
  readonly orderBy?: readonly (readonly [field: string, direction: 'asc' | 'desc'])[];
  readonly skip?: number;
  /** At most 1,000 (WeChat's server-side maximum); the SDK's default is 100. */
  readonly limit?: number;
  readonly fields?: Readonly<Record<string, 0 | 1 | boolean>>;
}

/** The server-side maximum of one `get` in WeChat. */
export const PAGE_MAX = 1000;
/** An aggregation answers up to 10,000 results per request (a plain `get` only 1,000). */
export const AGGREGATE_PAGE = 10_000;

export interface AggregateChain {
  match(condition: object): AggregateChain;
  project(fields: object): AggregateChain;
  group(spec: object): AggregateChain;
  sort(spec: object): AggregateChain;
  skip(n: number): AggregateChain;
  limit(n: number): AggregateChain;
  lookup(spec: object): AggregateChain;
  unwind(spec: object | string): AggregateChain;
  addFields(spec: object): AggregateChain;
  end(): unknown;
}

interface Query {
  where(condition: object): Query;
  orderBy(field: string, direction: string): Query;
  skip(n: number): Query;
  limit(n: number): Query;
  field(fields: object): Query;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

interface DocumentRef {
  get(): Promise<{ data: unknown }>;
  set(options: { data: object }): Promise<{ stats: { updated: number; created?: number } }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

interface RawCollection extends Query {
  doc(id: string): DocumentRef;
  add(options: { data: object }): Promise<{ _id: string }>;
  aggregate(): AggregateChain;
}

export class Collection<T extends { readonly _id: string }> {
  private readonly raw: RawCollection;

  constructor(
    readonly db: CloudDatabase,
    readonly name: CollectionName,
  ) {
    this.raw = db.collection(name) as unknown as RawCollection;
  }

  get command(): CloudDatabase['command'] {
    return this.db.command;
  }

  /** One document by id, or undefined (`doc().get()` of a missing document throws, as in WeChat). */
  async byId(id: string): Promise<T | undefined> {
    try {
      return (await this.raw.doc(id).get()).data as T;
    } catch (error) {
      if (isMissingDocument(error)) return undefined;
      throw error;
    }
  }

  /** One page of documents: at most `limit` (default 100, at most 1,000 — WeChat's limits). */
  async find<R = T>(where: object, options: FindOptions = {}): Promise<R[]> {
    return (await this.query(where, options).get()).data as R[];
  }

  async first<R = T>(where: object, options: Omit<FindOptions, 'limit' | 'skip'> = {}): Promise<R | undefined> {
    return (await this.find<R>(where, { ...options, limit: 1 }))[0];
  }

  /** Every matching document, 1,000 per request (order it for stable paging). */
  async findEvery<R = T>(where: object, options: Omit<FindOptions, 'limit' | 'skip'> = {}): Promise<R[]> {
    const all: R[] = [];
    for (let skip = 0; ; skip += PAGE_MAX) {
      const page = await this.find<R>(where, { ...options, skip, limit: PAGE_MAX });
      all.push(...page);
      if (page.length < PAGE_MAX) return all;
    }
  }

  async count(where: object): Promise<number> {
    return (await this.raw.where(where).count()).total;
  }

  /** Adds a document and answers its id (the document's own `_id` when it has one). */
  async insert(document: object): Promise<string> {
    return (await this.raw.add({ data: document }))._id;
  }

  /**
   * Adds many documents: in batches of at most INSERT_BYTES (and INSERT_MAX_DOCUMENTS), `atOnce`
   * batches sent together (server/db/parallel.ts). A batch that fails rejects the whole; batches
   * already written stay (as WeChat leaves them), so callers make retrying harmless (fixed `_id`s).
   */
  async insertMany(documents: readonly object[], options: { readonly atOnce?: number } = {}): Promise<void> {
    await eachAtMost(insertBatches(documents), (batch) => this.insert(batch), options.atOnce);
  }

  /** Replaces (or creates) the document with this id. */
  async set(id: string, data: object): Promise<void> {
    await this.raw.doc(id).set({ data });
  }

  /** Merges fields into one document; answers how many changed (0 or 1). */
  async update(id: string, data: object): Promise<number> {
    return (await this.raw.doc(id).update({ data })).stats.updated;
  }

  /** Merges fields into every matching document; answers how many changed. */
  async updateWhere(where: object, data: object): Promise<number> {
    return (await this.raw.where(where).update({ data })).stats.updated;
  }

  async remove(id: string): Promise<number> {
    return (await this.raw.doc(id).remove()).stats.removed;
  }

  async removeWhere(where: object): Promise<number> {
    return (await this.raw.where(where).remove()).stats.removed;
  }

  /** An aggregation pipeline over this collection; run it with `aggregateAll`. */
  aggregate(): AggregateChain {
    return this.raw.aggregate();
  }

  /** Every document matching, with only the projected fields, 10,000 per request. */
  async aggregateEvery<R>(match: object, projection: Record<string, 1>): Promise<R[]> {
    return this.matchingEvery<R>(match, projection);
  }

  /**
   * Every document matching, whole, 10,000 per request (where `findEvery` needs one request per
   * 1,000): a district's thousand pairings or three thousand survey entries in one round trip.
   */
  async wholeEvery(match: object): Promise<T[]> {
    return this.matchingEvery<T>(match);
  }

  private async matchingEvery<R>(match: object, projection?: Record<string, 1>): Promise<R[]> {
    const all: R[] = [];
    for (let offset = 0; ; offset += AGGREGATE_PAGE) {
      const matched = this.aggregate().match(match);
      const page = await aggregateAll<R>((projection ? matched.project(projection) : matched).sort({ _id: 1 }).skip(offset).limit(AGGREGATE_PAGE));
      all.push(...page);
      if (page.length < AGGREGATE_PAGE) return all;
    }
  }

  private query(where: object, options: FindOptions): Query {
    let query = this.raw.where(where);
    for (const [field, direction] of options.orderBy ?? []) query = query.orderBy(field, direction);
    if (options.skip) query = query.skip(options.skip);
    if (options.limit !== undefined) query = query.limit(options.limit);
    if (options.fields) query = query.field(options.fields);
    return query;
  }
}

/**
 * One insert carries at most this much: 512 KB is what WeChat accepts in one write from the
 * mini-program; what a cloud function may send is not documented (reported as about 5 MB), so this
 * stays on the documented side. A district's 3,000 survey entries (1.5 KB each) take ten batches.
 */
export const INSERT_BYTES = 512 * 1024;
export const INSERT_MAX_DOCUMENTS = 1000;

/** The documents in order, cut where the next would take a batch past INSERT_BYTES or INSERT_MAX_DOCUMENTS. */
export function insertBatches<D>(documents: readonly D[]): D[][] {
  const batches: D[][] = [];
  let batch: D[] = [];
  let bytes = 0;
  for (const document of documents) {
    const size = Buffer.byteLength(JSON.stringify(document));
    if (batch.length > 0 && (bytes + size > INSERT_BYTES || batch.length === INSERT_MAX_DOCUMENTS)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(document);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export async function aggregateAll<R>(pipeline: AggregateChain): Promise<R[]> {
  return ((await pipeline.end()) as { list: R[] }).list;
}

export function isMissingDocument(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String((error as { errMsg?: unknown })?.errMsg ?? error);
  return /does not exist|not exist|cannot find document|-502004|DOCUMENT_NOT_EXIST/i.test(message);
}
