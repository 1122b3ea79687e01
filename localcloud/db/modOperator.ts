/**
 * db.command.mod as the cloud evaluates it. mingo's own $mod computes `value % divisor` in
 * JavaScript, so it matches `true`, numeric strings and dates and compares decimals exactly; the
 * cloud (MongoDB) matches numbers only and truncates the value, the divisor and the remainder to
 * integers. Queries are rewritten to use `$cloudMod` (registered in MOD_CONTEXT) instead.
 */
import { Context } from 'mingo';
import type { Options } from 'mingo/types';
import { ensureArray, resolve } from 'mingo/util';
import { invalidOperator } from './errors';
import { LOGICAL_OPERATORS } from './operatorLists';
import { isPlainObject, type Doc } from './types';

const CLOUD_MOD = '$cloudMod';

function cloudMod(selector: string, value: unknown, _options: Options): (doc: unknown) => boolean {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((item) => typeof item === 'number' && Number.isFinite(item))) {
    throw invalidOperator('malformed mod, needs to be an array of two numbers: [divisor, remainder]');
  }
  const divisor = Math.trunc(value[0] as number);
  const remainder = Math.trunc(value[1] as number);
  if (divisor === 0) throw invalidOperator('divisor cannot be 0');
  return (doc) => {
    const found: unknown = resolve(doc as Doc, selector, { unwrapArray: true });
    return ensureArray(found).some((item) => typeof item === 'number' && Number.isFinite(item) && Math.trunc(item) % divisor === remainder);
  };
}

/** Extra operators for mingo (its built-ins cannot be replaced, only added to). */
export const MOD_CONTEXT = Context.init({ query: { [CLOUD_MOD]: cloudMod } });

/** A copy of `query` whose field-level $mod conditions use the cloud's semantics. */
export function withCloudMod(query: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (LOGICAL_OPERATORS.has(key) && Array.isArray(value)) out[key] = value.map((branch) => (isPlainObject(branch) ? withCloudMod(branch) : branch));
    else if (key.startsWith('$')) out[key] = value; // $expr: aggregation $mod is arithmetic, not this
    else out[key] = condition(value);
  }
  return out;
}

function condition(value: unknown): unknown {
  if (!isPlainObject(value) || !Object.keys(value).some((key) => key.startsWith('$'))) return value;
  const out: Doc = {};
  for (const [name, operand] of Object.entries(value)) {
    if (name === '$mod') out[CLOUD_MOD] = operand;
    else if (name === '$not') out[name] = condition(operand);
    else if (name === '$elemMatch' && isPlainObject(operand)) {
      const valueForm = Object.keys(operand).every((key) => key.startsWith('$') && !LOGICAL_OPERATORS.has(key) && key !== '$expr');
      out[name] = valueForm ? condition(operand) : withCloudMod(operand);
    } else out[name] = operand;
  }
  return out;
}
