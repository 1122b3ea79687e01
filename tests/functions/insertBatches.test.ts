/**
 * Many documents are inserted in batches that stay within what one write may carry
 * (server/db/collection.ts INSERT_BYTES, INSERT_MAX_DOCUMENTS), in their order, none lost or doubled.
 */
import { INSERT_BYTES, INSERT_MAX_DOCUMENTS, insertBatches } from '../../server/db/collection';

const sizeOf = (document: object) => Buffer.byteLength(JSON.stringify(document));
const documents = (count: number, textLength: number) => Array.from({ length: count }, (_unused, index) => ({ _id: `d-${index}`, text: '评'.repeat(textLength) }));

describe('insertBatches', () => {
  it('cuts a district’s entries (about 1.5 KB each) into batches under 512 KB, in order', () => {
    const all = documents(3090, 500);
    const batches = insertBatches(all);
    for (const batch of batches) expect(batch.reduce((sum, document) => sum + sizeOf(document), 0)).toBeLessThanOrEqual(INSERT_BYTES);
    expect(batches.flat()).toEqual(all);
    // Full batches: each is cut only where the next document would not fit.
    for (const [index, batch] of batches.slice(0, -1).entries()) {
      expect(batch.reduce((sum, document) => sum + sizeOf(document), 0) + sizeOf(batches[index + 1]![0]!)).toBeGreaterThan(INSERT_BYTES);
    }
  });

  it('counts bytes, not characters: Chinese text is three bytes a character', () => {
    const all = documents(400, 1000);
    expect(sizeOf(all[0]!)).toBeGreaterThan(3000);
    expect(insertBatches(all).length).toBeGreaterThanOrEqual(Math.ceil((400 * 3000) / INSERT_BYTES));
  });

  it('never puts more than the documents a write may carry in one batch, and sends nothing for nothing', () => {
    const tiny = Array.from({ length: 2500 }, (_unused, index) => ({ _id: `t-${index}` }));
    expect(insertBatches(tiny).map((batch) => batch.length)).toEqual([INSERT_MAX_DOCUMENTS, INSERT_MAX_DOCUMENTS, 500]);
    expect(insertBatches([])).toEqual([]);
  });

  it('a single document larger than a batch goes alone (the database decides whether it fits)', () => {
    const huge = { _id: 'huge', text: 'x'.repeat(INSERT_BYTES + 10) };
    expect(insertBatches([{ _id: 'a' }, huge, { _id: 'b' }]).map((batch) => batch.map((document) => document._id))).toEqual([['a'], ['huge'], ['b']]);
  });
});
