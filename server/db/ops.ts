/**
 * Typed awaits over the SDK's query builders. The SDK declares every call as
 * `Promise<Result> | void | string` (callback overloads); these helpers state what a promise call returns.
 */
interface Gettable {
  get(): unknown;
}

export async function findAll<T>(query: Gettable): Promise<T[]> {
  return ((await query.get()) as { data: T[] }).data;
}

export async function findOne<T>(query: { limit(n: number): Gettable }): Promise<T | undefined> {
  return (await findAll<T>(query.limit(1)))[0];
}

/** `doc(id).get()` throws for a missing document, as in WeChat; this answers undefined instead. */
export async function getById<T>(collection: { doc(id: string): Gettable }, id: string): Promise<T | undefined> {
  try {
    return ((await collection.doc(id).get()) as { data: T }).data;
  } catch (error) {
    if (isMissingDocument(error)) return undefined;
    throw error;
  }
}

export function isMissingDocument(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String((error as { errMsg?: unknown })?.errMsg ?? error);
  return /does not exist|not exist|cannot find document|-502004|DOCUMENT_NOT_EXIST/i.test(message);
}

export async function countOf(query: { count(): unknown }): Promise<number> {
  return ((await query.count()) as { total: number }).total;
}

/** Multi-document update through `where(...)`: answers how many documents changed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function updateWhere(query: { update(options: { data: any }): unknown }, data: object): Promise<number> {
  return ((await query.update({ data })) as { stats: { updated: number } }).stats.updated;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insert(collection: { add(options: { data: any }): unknown }, data: object): Promise<string> {
  return ((await collection.add({ data })) as { _id: string })._id;
}

export async function aggregateAll<T>(pipeline: { end(): unknown }): Promise<T[]> {
  return ((await pipeline.end()) as { list: T[] }).list;
}
