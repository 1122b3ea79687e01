import { findAll } from './ops';

interface Pageable {
  skip(n: number): { limit(n: number): { get(): unknown } };
}

/** Read every document of a query, 1000 at a time (the server-side maximum per request). */
export async function findEvery<T>(query: Pageable, pageSize = 1000): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await findAll<T>(query.skip(offset).limit(pageSize));
    all.push(...page);
    if (page.length < pageSize) return all;
  }
}
