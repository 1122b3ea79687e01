/**
 * Update and replace semantics (doc().update / where().update / doc().set).
 *
 * The SDK encodes every update as MongoDB operators: plain fields -> $set on
 * flattened dot paths (a merge), remove() -> $unset, unshift -> $push with
 * $position 0, shift/pop -> $pop, etc. mingo applies them with MongoDB
 * semantics (path conflicts and changing _id are errors) and reports whether
 * anything changed, which is what the cloud's `updated` counts.
 */
import { update as mingoUpdate } from 'mingo';
import { errorMessage, invalidParam, requestFailed } from './errors';
import { checkUpdateOperators } from './operators';
import { cloneValue, isPlainObject, type Doc } from './types';

export function checkUpdate(update: Doc): void {
  const keys = Object.keys(update);
  if (keys.length === 0) throw invalidParam('update data must not be empty');
  for (const key of keys) {
    if (!key.startsWith('$')) throw invalidParam(`update data must only contain update operators, got '${key}'`);
    const fields = update[key];
    if (!isPlainObject(fields) || Object.keys(fields).length === 0) {
      throw invalidParam(`'${key}' is empty. You must specify a field like so: {${key}: {<field>: ...}}`);
    }
  }
  // Only WeChat's update commands reach mingo (operators.ts).
  checkUpdateOperators(update);
}

/**
 * Applies `update` to a copy of `doc`. `condition` is the query that selected
 * the document (needed for positional `$` paths). Returns the new document and
 * whether it differs from the old one.
 */
export function applyUpdate(doc: Doc, update: Doc, condition: Doc): { doc: Doc; changed: boolean } {
  const copy = cloneValue(doc);
  let modified: string[];
  try {
    modified = mingoUpdate(copy, update, undefined, condition, { cloneMode: 'deep' });
  } catch (error) {
    throw requestFailed(errorMessage(error));
  }
  if (copy._id !== doc._id) {
    throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return { doc: copy, changed: modified.length > 0 };
}

/** doc(id).set(data): the whole document replaced, keeping its _id. */
export function replacement(id: string | number, data: Doc): Doc {
  if ('_id' in data && data._id !== id) throw invalidParam('不能更新_id的值');
  const out: Doc = { _id: id };
  for (const [key, value] of Object.entries(data)) if (key !== '_id') out[key] = value;
  return out;
}
