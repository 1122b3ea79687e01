/**
 * Checks a document before it is stored, with the MongoDB rules the cloud
 * applies: no field names starting with `$` or containing `.`, only
 * storable value types, and a string or numeric `_id`.
 */
import { checkDocumentId } from './documentIds';
import { invalidParam } from './errors';
import { isPlainObject, type Doc } from './types';

export function validateDocument(doc: Doc): void {
  // WeChat accepts string and numeric _ids (documentIds.ts keeps numbers apart from strings).
  if (doc._id !== undefined) checkDocumentId(doc._id);
  validateObject(doc, '');
}

function validateObject(obj: Doc, prefix: string): void {
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (key.startsWith('$')) {
      throw invalidParam(`The dollar ($) prefixed field '${key}' in '${path}' is not valid for storage.`);
    }
    if (key.includes('.')) {
      throw invalidParam(`The field name '${key}' in '${path}' must not contain '.'`);
    }
    validateValue(value, path);
  }
}

function validateValue(value: unknown, path: string): void {
  if (value === null) return;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return;
    case 'object':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw invalidParam(`invalid Date at '${path}'`);
        return;
      }
      if (value instanceof RegExp) return;
      if (Array.isArray(value)) {
        value.forEach((item, index) => validateValue(item, `${path}.${index}`));
        return;
      }
      if (isPlainObject(value)) {
        validateObject(value, path);
        return;
      }
      throw invalidParam(`unsupported value type at '${path}'`);
    default:
      throw invalidParam(`unsupported value type ${typeof value} at '${path}'`);
  }
}
