/**
 * Reading only the fields a pipeline uses. An aggregation that starts with `$match` (optional) and a
 * plain inclusion `$project` never looks at any other field, so its candidates are read from SQLite
 * with just those top-level fields (the projected ones, the ones the match names, and `_id`) instead
 * of decoding whole documents: the ledger's rebuild reads 8 small fields of 40,000 records whose
 * content, history and participants are ten times their size.
 *
 * Exact: the match is evaluated by mingo on the same values of the fields it names, and the
 * projection keeps only fields that were read. A match that can see the whole document ($expr,
 * $where, $jsonSchema, variables) or a field name outside [A-Za-z0-9_] reads documents whole.
 */
import type { CollectionInfo } from './catalog';
import { decodeDoc } from './codec';
import { buildPrefilter } from './prefilter';
import { simpleProjection } from './projection';
import type { ScanStats } from './query';
import type { Store } from './store';
import { isPlainObject, type Doc } from './types';

const SAFE_FIELD = /^[A-Za-z0-9_]+$/;
const WHOLE_DOCUMENT = /"\$(expr|where|function|jsonSchema|text)"|\$\$/;

/** The top-level fields a query names, or undefined when it may look at more. */
function fieldsOfQuery(query: Doc, into: Set<string>): boolean {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value)) return false;
      for (const branch of value) if (!isPlainObject(branch) || !fieldsOfQuery(branch, into)) return false;
    } else if (key.startsWith('$')) return false;
    else into.add(key.split('.')[0]!);
  }
  return true;
}

/** The top-level fields the pipeline reads from its documents, when it reads only some; else undefined. */
export function fieldsRead(stages: readonly Doc[]): string[] | undefined {
  const first = stages[0];
  if (!first) return undefined;
  const fields = new Set<string>(['_id']);
  let projectAt = 0;
  if ('$match' in first) {
    const match = first.$match;
    if (!isPlainObject(match) || WHOLE_DOCUMENT.test(JSON.stringify(match)) || !fieldsOfQuery(match, fields)) return undefined;
    projectAt = 1;
  }
  const stage = stages[projectAt];
  const projection = stage && '$project' in stage ? simpleProjection(stage.$project) : undefined;
  if (!projection) return undefined;
  for (const field of projection.fields) fields.add(field);
  const list = [...fields];
  return list.every((field) => SAFE_FIELD.test(field)) ? list : undefined;
}

/**
 * An SQL expression building the JSON text of a document's `fields` (those it has) from its
 * `data` column: stored values as stored (extended-type wrappers included, decodeDoc restores them).
 */
export function fieldsExpression(fields: readonly string[]): string {
  for (const field of fields) if (!SAFE_FIELD.test(field)) throw new Error(`unsafe field name '${field}'`);
  const parts = fields.map((field) => `CASE WHEN json_type(data, '$."${field}"') IS NOT NULL THEN '"${field}":' || (data -> '$."${field}"') END`);
  return `'{' || concat_ws(',', ${parts.join(', ')}) || '}'`;
}

/** The candidates of `query` (through an index when it allows, as loadCandidates), with only `fields`, in natural order. */
export function loadFields(store: Store, info: CollectionInfo, query: Doc, fields: readonly string[], stats: ScanStats): Doc[] {
  const condition = buildPrefilter(info, query);
  if (condition) stats.indexScans += 1;
  else stats.fullScans += 1;
  const texts = store.scanFields(info.name, fieldsExpression(fields), condition);
  stats.documentsRead += texts.length;
  return texts.map(decodeDoc);
}
