/**
 * Document `_id`s as WeChat accepts them: a non-empty string or a number. Storage keys are strings
 * (the `_id` column), so a number is kept under a key no string `_id` can have (it starts with NUL,
 * which string ids may not contain); the document itself keeps its number.
 */
import { invalidParam } from './errors';

export type DocumentId = string | number;

const NUMBER_KEY = '\u0000number:';

export function isDocumentId(id: unknown): id is DocumentId {
  return (typeof id === 'string' && id.length > 0 && !id.includes('\u0000')) || (typeof id === 'number' && Number.isFinite(id));
}

export function storageKey(id: DocumentId): string {
  return typeof id === 'number' ? `${NUMBER_KEY}${id}` : id;
}

export function checkDocumentId(id: unknown): asserts id is DocumentId {
  if (!isDocumentId(id)) throw invalidParam('_id must be a non-empty string (without NUL) or a finite number');
}
