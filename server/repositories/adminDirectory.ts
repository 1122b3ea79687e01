import type { Collection } from '../db/collection';
import { containing } from './adminTextSearch';

/** What one page of the office's directory asks for. */
export interface DirectoryPage {
  /** Part of a name (or code), any case. */
  readonly search?: string;
  readonly skip: number;
  readonly limit: number;
}

const isEverything = (condition: object) => Object.getPrototypeOf(condition) === Object.prototype && Object.keys(condition).length === 0;

/** One page of a directory list (units, orgs or pairings) and how many there are in all. */
export async function directoryPage<T extends { readonly _id: string }>(
  collection: Collection<T>,
  where: object,
  searchFields: readonly string[],
  orderField: string,
  page: DirectoryPage,
): Promise<{ rows: T[]; total: number }> {
  const _ = collection.command;
  const conditions = isEverything(where) ? [] : [where];
  if (page.search) {
    const pattern = containing(collection.db, page.search);
    conditions.push(_.or(searchFields.map((field) => ({ [field]: pattern }))));
  }
  const all = conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0]! : _.and(conditions);
  const [total, rows] = await Promise.all([
    collection.count(all),
    collection.find(all, { orderBy: [[orderField, 'asc'], ['_id', 'asc']], skip: page.skip, limit: page.limit }),
  ]);
  return { rows, total };
}
