/**
 * db.command.mod as the cloud evaluates it. mingo's own $mod computes `value % divisor` in
 * JavaScript, so it matches `true`, numeric strings and dates and compares decimals exactly; the
 * cloud (MongoDB) matches numbers only and truncates the value, the divisor and the remainder to
 * integers. Queries are rewritten to use `$cloudMod` instead (cloudOperators.ts).
 */
import type { Options } from 'mingo/types';
import { ensureArray, resolve } from 'mingo/util';
import { invalidOperator } from './errors';
import type { Doc } from './types';

export function cloudMod(selector: string, value: unknown, _options: Options): (doc: unknown) => boolean {
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
