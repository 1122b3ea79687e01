/**
 * Turns declared IndexSpecs into SQLite expression indexes and keeps the
 * documents honest about them.
 *
 * Expressions (the prefilter in prefilter.ts uses exactly the same text so
 * SQLite picks the index):
 *   string/number/boolean field: json_extract(data, '$."a"."b"')
 *   date field:                  json_extract(data, '$."a"."b"."$date"')   (epoch ms, see codec.ts)
 *
 * A unique IndexSpec becomes two indexes: a plain one (used by queries) and a
 * UNIQUE one over coalesce(json_extract(data, '$.path'), X'00') so that, as in
 * MongoDB, a missing field and null count as one value (two documents both
 * without the field violate the unique index).
 */
import { invalidParam } from './errors';
import type { CollectionSpec, IndexedFieldKind, IndexSpec } from './indexSpec';
import { isPlainObject, type Doc } from './types';

const SEGMENT = /^[^."'$\s][^."'\s]*$/;

export function assertValidPath(path: string): void {
  const segments = path.split('.');
  if (segments.some((segment) => !SEGMENT.test(segment))) {
    throw new Error(`invalid index field path '${path}'`);
  }
}

function jsonPath(path: string, date: boolean): string {
  const base = '$' + path.split('.').map((segment) => `."${segment}"`).join('');
  return date ? `${base}."$date"` : base;
}

/** The SQL expression a field is indexed (and prefiltered) by. */
export function fieldExpr(path: string, kind: IndexedFieldKind): string {
  return `json_extract(data, '${jsonPath(path, kind === 'date')}')`;
}

function uniqueExpr(path: string): string {
  return `coalesce(json_extract(data, '${jsonPath(path, false)}'), X'00')`;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface IndexDdl {
  readonly name: string;
  readonly sql: string;
  /** Spec name reported in duplicate-key errors. */
  readonly specName: string;
  readonly unique: boolean;
}

export function indexDdls(table: string, spec: CollectionSpec): IndexDdl[] {
  const out: IndexDdl[] = [];
  const seen = new Set<string>();
  for (const index of spec.indexes) {
    validateIndex(spec.name, index, seen);
    const columns = index.fields
      .map((field) => `${fieldExpr(field.path, field.kind)}${field.order === 'desc' ? ' DESC' : ''}`)
      .join(', ');
    const plainName = `${table}__i__${index.name}`;
    out.push({
      name: plainName,
      specName: index.name,
      unique: false,
      sql: `CREATE INDEX ${quoteIdent(plainName)} ON ${quoteIdent(table)} (${columns})`,
    });
    if (index.unique) {
      const uniqueName = `${table}__u__${index.name}`;
      const uniqueColumns = index.fields.map((field) => uniqueExpr(field.path)).join(', ');
      out.push({
        name: uniqueName,
        specName: index.name,
        unique: true,
        sql: `CREATE UNIQUE INDEX ${quoteIdent(uniqueName)} ON ${quoteIdent(table)} (${uniqueColumns})`,
      });
    }
  }
  return out;
}

function validateIndex(collection: string, index: IndexSpec, seen: Set<string>): void {
  if (!/^[A-Za-z0-9_]+$/.test(index.name)) throw new Error(`invalid index name '${index.name}' on ${collection}`);
  if (seen.has(index.name)) throw new Error(`duplicate index name '${index.name}' on ${collection}`);
  seen.add(index.name);
  if (index.fields.length === 0) throw new Error(`index '${index.name}' on ${collection} has no fields`);
  for (const field of index.fields) {
    assertValidPath(field.path);
    if (field.path === '_id') throw new Error(`_id is always indexed; remove it from index '${index.name}'`);
  }
}

/** Every indexed path of a collection with its declared kind. */
export function indexedFields(spec: CollectionSpec): Map<string, IndexedFieldKind> {
  const fields = new Map<string, IndexedFieldKind>();
  for (const index of spec.indexes) {
    for (const field of index.fields) {
      const known = fields.get(field.path);
      if (known !== undefined && known !== field.kind) {
        throw new Error(`field '${field.path}' of ${spec.name} is declared as both ${known} and ${field.kind}`);
      }
      fields.set(field.path, field.kind);
    }
  }
  return fields;
}

/**
 * An indexed field must hold a scalar of its declared kind (or be null /
 * missing), and no array may sit anywhere on its path: that is what the
 * IndexSpec promises, and what keeps the SQL prefilter a superset of the exact
 * (mingo) match, since MongoDB equality also matches array elements.
 */
export function checkIndexedFields(doc: Doc, fields: ReadonlyMap<string, IndexedFieldKind>, collection: string): void {
  for (const [path, kind] of fields) {
    let current: unknown = doc;
    const segments = path.split('.');
    for (let i = 0; i < segments.length; i += 1) {
      if (!isPlainObject(current)) {
        current = undefined;
        break;
      }
      current = current[segments[i] as string];
      if (Array.isArray(current)) {
        throw invalidParam(`indexed field '${path}' of collection ${collection} must not hold or pass through an array`);
      }
    }
    if (current === undefined || current === null) continue;
    if (!matchesKind(current, kind)) {
      throw invalidParam(`indexed field '${path}' of collection ${collection} is declared as ${kind}, got ${describe(current)}`);
    }
  }
}

function matchesKind(value: unknown, kind: IndexedFieldKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return value instanceof Date;
  }
}

function describe(value: unknown): string {
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regexp';
  if (isPlainObject(value)) return 'object';
  return typeof value;
}
