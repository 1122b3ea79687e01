/**
 * How a collection and its indexes are declared. One declaration in code
 * (server/db/collections.ts) drives the local cloud (real SQLite indexes),
 * and the deploy guide (indexes to create in the WeChat cloud console).
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
}
