/**
 * The query operators the local cloud evaluates itself instead of mingo's built-ins (which can
 * only be added to, not replaced): queries are rewritten to use them, and CLOUD_CONTEXT registers
 * them for every Query and Aggregator.
 * - `$mod` → `$cloudMod`: the cloud's (MongoDB's) integer semantics (modOperator.ts);
 * - `$in` / `$nin` → `$cloudIn` / `$cloudNin`: mingo's semantics, the list hashed once per query
 *   (inOperator.ts).
 */
import { Context } from 'mingo';
import { cloudIn, cloudNin } from './inOperator';
import { cloudMod } from './modOperator';
import { LOGICAL_OPERATORS } from './operatorLists';
import { isPlainObject, type Doc } from './types';

const REPLACED: Readonly<Record<string, string>> = { $mod: '$cloudMod', $in: '$cloudIn', $nin: '$cloudNin' };

export const CLOUD_CONTEXT = Context.init({ query: { $cloudMod: cloudMod, $cloudIn: cloudIn, $cloudNin: cloudNin } });

/** A copy of `query` whose field-level $mod, $in and $nin conditions use the local cloud's operators. */
export function withCloudOperators(query: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (LOGICAL_OPERATORS.has(key) && Array.isArray(value)) out[key] = value.map((branch) => (isPlainObject(branch) ? withCloudOperators(branch) : branch));
    else if (key.startsWith('$')) out[key] = value; // $expr: aggregation $mod and $in are expressions, not these
    else out[key] = condition(value);
  }
  return out;
}

function condition(value: unknown): unknown {
  if (!isPlainObject(value) || !Object.keys(value).some((key) => key.startsWith('$'))) return value;
  const out: Doc = {};
  for (const [name, operand] of Object.entries(value)) {
    const replaced = REPLACED[name];
    if (replaced !== undefined) out[replaced] = operand;
    else if (name === '$not') out[name] = condition(operand);
    else if (name === '$elemMatch' && isPlainObject(operand)) {
      const valueForm = Object.keys(operand).every((key) => key.startsWith('$') && !LOGICAL_OPERATORS.has(key) && key !== '$expr');
      out[name] = valueForm ? condition(operand) : withCloudOperators(operand);
    } else out[name] = operand;
  }
  return out;
}
