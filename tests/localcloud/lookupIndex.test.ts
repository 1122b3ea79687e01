import { LocalCloud } from '../../localcloud';
import { wxServerSdk } from '../../localcloud/sdk';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = new LocalCloud({
    dataDir: null,
    collections: [
      { name: 'parents', description: 'test', indexes: [] },
      { name: 'childrenIndexed', description: 'test', indexes: [{ name: 'parent', fields: [{ path: 'parentId', kind: 'string' }] }] },
      { name: 'childrenPlain', description: 'test', indexes: [] },
    ],
  });
  const db = wxServerSdk().database();
  await db.collection('parents').add({ data: [{ _id: 'p1', tags: ['a'] }, { _id: 'p2', tags: [] }, { _id: 'p3' }] });
  const children = Array.from({ length: 300 }, (_, index) => ({ _id: `c${index}`, parentId: `p${(index % 30) + 1}`, n: index }));
  await db.collection('childrenIndexed').add({ data: children });
  await db.collection('childrenPlain').add({ data: children });
});
afterAll(() => cloud.close());

/** The list a pipeline ends with (the SDK declares `end()` loosely, with callback overloads). */
async function aggregateAll<T>(pipeline: { end(): unknown }): Promise<T[]> {
  return ((await pipeline.end()) as { list: T[] }).list;
}

const join = (from: string) =>
  aggregateAll<{ _id: string; children: Array<{ _id: string; n: number }> }>(
    wxServerSdk().database().collection('parents').aggregate().match({}).sort({ _id: 1 }).lookup({ from, localField: '_id', foreignField: 'parentId', as: 'children' }).project({ _id: 1, 'children._id': 1, 'children.n': 1 }),
  );

describe('an equality $lookup', () => {
  it('reads the joined collection through its index and returns what a full scan returns', async () => {
    cloud.db.resetStats();
    const indexed = await join('childrenIndexed');
    const viaIndex = cloud.db.stats;
    const plain = await join('childrenPlain');
    expect(indexed.map((parent) => [parent._id, parent.children.length])).toEqual([['p1', 10], ['p2', 10], ['p3', 10]]);
    expect(indexed[0]!.children[0]).toEqual({ _id: 'c0', n: 0 });
    expect(indexed).toEqual(plain.map((parent) => ({ ...parent })));
    expect(viaIndex.indexScans).toBeGreaterThanOrEqual(1);
  });

  it('falls back to the whole collection when a join value is missing or an array, joining as a full scan does', async () => {
    const byTags = (from: string) =>
      aggregateAll<{ _id: string; children: unknown[] }>(
        wxServerSdk().database().collection('parents').aggregate().match({}).sort({ _id: 1 }).lookup({ from, localField: 'tags', foreignField: 'parentId', as: 'children' }),
      );
    expect(await byTags('childrenIndexed')).toEqual(await byTags('childrenPlain'));
  });
});
