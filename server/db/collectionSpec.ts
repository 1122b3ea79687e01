/**
 * How the server declares a collection and its indexes (see collections.ts and schema/<area>.ts).
 * The one declaration drives the deploy guide (indexes to create in the WeChat cloud console) and,
 * handed over by scripts/open-local-cloud.ts, the local cloud's real SQLite indexes. The local
 * cloud has its own, structurally equal, type: neither side imports the other.
 */
export type IndexedFieldKind = 'string' | 'number' | 'boolean' | 'date';

export interface IndexField {
  /** Dot path inside the document, e.g. `pairingId` or `period.year`. Must hold a scalar (never an array). */
  readonly path: string;
  readonly kind: IndexedFieldKind;
  readonly order?: 'asc' | 'desc';
}

export interface IndexSpec {
  readonly name: string;
  readonly fields: readonly IndexField[];
  readonly unique?: boolean;
}

export interface CollectionSpec {
  readonly name: string;
  /** Shown in the deploy guide. */
  readonly description: string;
  readonly indexes: readonly IndexSpec[];
  /**
   * Anonymous data (README 评议 → 匿名设计): rows keep no arrival order and no history in the
   * local cloud's storage (random rowids, WAL emptied after each write, no planner statistics).
   */
  readonly unlinkable?: boolean;
}
