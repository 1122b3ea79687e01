import type { CloudDatabase } from '../runtime/cloud';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A condition value matching text that contains `text`, any case (the office's search boxes). */
export function containing(db: CloudDatabase, text: string): object {
  return db.RegExp({ regexp: escapeRegExp(text), options: 'i' });
}
