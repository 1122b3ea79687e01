import type { ListPage } from '../../src/contract/fields';
import { LIST_PAGE_SIZE } from '../../src/contract/fields';

/**
 * One page of a list already in its order. An offset past the end (the list shrank since the page
 * was asked for) answers the last page instead of an empty one.
 */
export function pageOf<T>(items: readonly T[], input: { readonly offset?: number | undefined; readonly limit?: number | undefined }): { rows: T[]; page: ListPage } {
  const limit = input.limit ?? LIST_PAGE_SIZE;
  const total = items.length;
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const offset = Math.min(input.offset ?? 0, lastOffset);
  return { rows: items.slice(offset, offset + limit), page: { offset, limit, total } };
}
