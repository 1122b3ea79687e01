/**
 * The collections and indexes the local cloud creates (real SQLite indexes). The local cloud
 * accepts any declaration of this shape: scripts/open-local-cloud.ts hands it the server's
 * (server/db/collections.ts, whose own type is structurally the same), tests hand it their own.
 * The local cloud imports no server code.
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
   * Rows keep no order and no history: random rowids (table order is not arrival order), the WAL
   * emptied after every write that touched them, no planner statistics (STAT4 samples rows).
   * For anonymous data, e.g. survey answers and once-only keys.
   */
  readonly unlinkable?: boolean;
}
