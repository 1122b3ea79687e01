/**
 * The collections of a database: which exist, their declared indexes, and the
 * translation of SQLite constraint failures into the cloud's duplicate-key error.
 */
import { collectionAlreadyExists, collectionNotExists, duplicateKey, type CloudDbError } from './errors';
import { checkIndexedFields, indexDdls, indexedFields, quoteIdent, type IndexDdl } from './indexes';
import type { CollectionSpec, IndexedFieldKind } from './indexSpec';
import { decodeDoc } from './codec';
import { assertValidCollectionName, tableName, type Store } from './store';
import type { Doc } from './types';

export interface CollectionInfo {
  readonly name: string;
  readonly spec: CollectionSpec;
  /** Indexed paths with their kinds (empty for collections without a spec). */
  readonly fields: ReadonlyMap<string, IndexedFieldKind>;
  /** Paths that lead some index: a condition on one of them can use an index. */
  readonly leadingFields: ReadonlySet<string>;
  readonly ddls: readonly IndexDdl[];
}

export class Catalog {
  private readonly collections = new Map<string, CollectionInfo>();

  constructor(private readonly store: Store) {
    for (const row of store.listCollections()) {
      const spec = row.spec ? (JSON.parse(row.spec) as CollectionSpec) : emptySpec(row.name);
      this.collections.set(row.name, describe(spec));
    }
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  names(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** The collection, or the cloud's -502005 error. */
  require(name: string): CollectionInfo {
    const info = this.collections.get(name);
    if (!info) throw collectionNotExists();
    return info;
  }

  /** Creates the table and indexes idempotently; adds new indexes, drops removed ones. */
  ensure(spec: CollectionSpec): void {
    assertValidCollectionName(spec.name);
    const info = describe(spec);
    this.store.write(() => {
      this.store.registerCollection(spec.name, JSON.stringify(spec));
      this.syncIndexes(info);
    });
    this.collections.set(spec.name, info);
  }

  /** database.addCollection (db.createCollection): a collection without declared indexes. */
  create(name: string): void {
    if (this.collections.has(name)) throw collectionAlreadyExists();
    assertValidCollectionName(name);
    this.store.registerCollection(name, null);
    this.collections.set(name, describe(emptySpec(name)));
  }

  private syncIndexes(info: CollectionInfo): void {
    const prefix = `${tableName(info.name)}__`;
    const existing = this.store.existingIndexes(info.name);
    const wanted = new Map(info.ddls.map((ddl) => [ddl.name, ddl]));
    this.store.write(() => {
      for (const [name, sql] of existing) {
        const ddl = wanted.get(name);
        if (name.startsWith(prefix) && (!ddl || ddl.sql !== sql)) this.store.exec(`DROP INDEX ${quoteIdent(name)}`);
      }
      if (info.fields.size > 0) {
        // Documents written before an index was declared must honour it too.
        for (const row of this.store.scan(info.name)) checkIndexedFields(decodeDoc(row.data), info.fields, info.name);
      }
      for (const ddl of info.ddls) {
        if (existing.get(ddl.name) === ddl.sql) continue;
        try {
          this.store.exec(ddl.sql);
        } catch (error) {
          const duplicate = this.translateWriteError(info, error);
          throw duplicate ?? error;
        }
      }
    });
  }

  /** Checks a document against the declared indexed fields before it is written. */
  checkDocument(info: CollectionInfo, doc: Doc): void {
    if (info.fields.size > 0) checkIndexedFields(doc, info.fields, info.name);
  }

  /** Maps a SQLite UNIQUE/PRIMARY KEY violation to the cloud's duplicate-key error. */
  translateWriteError(target: string | CollectionInfo, error: unknown, doc?: Doc): CloudDbError | undefined {
    // Duck-typed: better-sqlite3 registers its SqliteError class once per
    // process, so under jest it may come from another realm than this module.
    if (error === null || typeof error !== 'object') return undefined;
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code !== 'SQLITE_CONSTRAINT_PRIMARYKEY' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
    const text = typeof message === 'string' ? message : '';
    const info = typeof target === 'string' ? this.collections.get(target) : target;
    const collection = typeof target === 'string' ? target : target.name;
    const table = tableName(collection);
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || text.includes(`${table}._id`)) {
      return duplicateKey(collection, '_id_', `_id: ${JSON.stringify(doc?._id ?? null)}`);
    }
    const match = /index '([^']+)'/.exec(text);
    const ddl = info?.ddls.find((candidate) => candidate.name === match?.[1]);
    return duplicateKey(collection, ddl?.specName ?? 'unknown', info && ddl && doc ? describeKey(info, ddl.specName, doc) : '');
  }
}

function describeKey(info: CollectionInfo, specName: string, doc: Doc): string {
  const index = info.spec.indexes.find((candidate) => candidate.name === specName);
  if (!index) return '';
  return index.fields.map((field) => `${field.path}: ${JSON.stringify(readPath(doc, field.path) ?? null)}`).join(', ');
}

function readPath(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Doc)[segment];
  }
  return current;
}

function emptySpec(name: string): CollectionSpec {
  return { name, description: '', indexes: [] };
}

function describe(spec: CollectionSpec): CollectionInfo {
  const ddls = indexDdls(tableName(spec.name), spec);
  const leadingFields = new Set<string>();
  for (const index of spec.indexes) {
    const first = index.fields[0];
    if (first) leadingFields.add(first.path);
  }
  return { name: spec.name, spec, fields: indexedFields(spec), leadingFields, ddls };
}
