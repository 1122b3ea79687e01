import { decodeDoc, encodeDoc } from '../../localcloud/db/codec';
import { isPlainObject } from '../../localcloud/db/types';
import { spec, startLocalCloud } from './helpers';

/** The decoding the store used before: JSON.parse with a reviver (the reference the fast path must equal). */
function reviverDecode(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (!isPlainObject(value) || Object.keys(value).length !== 1) return value;
    if (typeof value.$date === 'number') return new Date(value.$date);
    if (typeof value.$numberDouble === 'string') return Number(value.$numberDouble);
    const regex = value.$regularExpression;
    if (isPlainObject(regex) && typeof regex.pattern === 'string') return new RegExp(regex.pattern, typeof regex.options === 'string' ? regex.options : '');
    return value;
  });
}

const everyType = {
  _id: 'doc-1',
  at: new Date(Date.UTC(2026, 11, 31, 16)),
  epoch: new Date(0),
  beforeEpoch: new Date(-86_400_000),
  pattern: /^王.*(组织|单位)$/imsu,
  plainPattern: /a\/b"c/,
  nan: Number.NaN,
  up: Number.POSITIVE_INFINITY,
  down: Number.NEGATIVE_INFINITY,
  list: [new Date(1_700_000_000_000), /x/m, Number.NaN, 1, 'two', null, [new Date(5), [Number.POSITIVE_INFINITY]]],
  nested: { deeper: { at: new Date(42), flags: /é/u, scores: [Number.NEGATIVE_INFINITY, 0, -1.5] }, empty: {}, none: [] },
  history: [
    { at: new Date(1), event: 'create' },
    { at: new Date(2), event: 'submit', by: { at: new Date(3), name: '书记' } },
  ],
};

describe('storage codec', () => {
  it('round-trips every extended type, at the top, nested in objects and in arrays', () => {
    const text = encodeDoc(everyType);
    const decoded = decodeDoc(text);
    expect(decoded).toEqual(everyType);
    expect(decoded.at).toBeInstanceOf(Date);
    expect((decoded.list as unknown[])[0]).toBeInstanceOf(Date);
    expect((decoded.list as unknown[])[1]).toEqual(/x/m);
    expect(((decoded.list as unknown[])[6] as unknown[])[1]).toEqual([Number.POSITIVE_INFINITY]);
    expect((decoded.pattern as RegExp).flags).toBe('imsu');
    expect(Number.isNaN(decoded.nan)).toBe(true);
    expect(decoded).toEqual(reviverDecode(text));
  });

  it('decodes documents without any extended type to exactly what JSON.parse gives', () => {
    const doc = { _id: 'plain', name: '第1街道', n: 3, ok: true, none: null, tags: ['a', 'b'], nested: { list: [{ x: 1 }, { y: [2, 3] }], empty: {} } };
    const text = encodeDoc(doc);
    expect(text).toBe(JSON.stringify(doc));
    expect(decodeDoc(text)).toEqual(JSON.parse(text));
    expect(decodeDoc(text)).toEqual(doc);
  });

  it('leaves strings that look like wrappers alone', () => {
    const doc = { _id: 'lookalike', text: '{"$date":1}', quoted: 'say "$numberDouble"', list: ['{"$regularExpression":{"pattern":"a"}}'] };
    expect(decodeDoc(encodeDoc(doc))).toEqual(doc);
  });

  it('keeps an own __proto__ field a field, as the reviver did', () => {
    const text = '{"_id":"p","__proto__":{"$date":7},"x":{"__proto__":{"polluted":true}}}';
    const decoded = decodeDoc(text);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual(new Date(7));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('equals the reviver decoding on many generated documents', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const value = (depth: number): unknown => {
      const pick = Math.floor(random() * (depth > 3 ? 7 : 9));
      switch (pick) {
        case 0:
          return new Date(Math.floor(random() * 4e12) - 1e12);
        case 1:
          return new RegExp(`[a-z]{${1 + Math.floor(random() * 3)}}`, random() < 0.5 ? 'i' : '');
        case 2:
          return [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY][Math.floor(random() * 3)];
        case 3:
          return random() * 100 - 50;
        case 4:
          return `s${Math.floor(random() * 1000)}`;
        case 5:
          return random() < 0.5 ? null : random() < 0.5;
        case 6:
          return {};
        case 7:
          return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
        default:
          return Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 4) }, (_, index) => [`k${index}`, value(depth + 1)]));
      }
    };
    for (let index = 0; index < 500; index += 1) {
      const doc = { _id: `gen-${index}`, a: value(0), b: value(0), c: [value(1), value(1)] };
      const text = encodeDoc(doc);
      const decoded = decodeDoc(text);
      expect(decoded).toEqual(doc);
      expect(decoded).toEqual(reviverDecode(text));
    }
  });

  it('refuses stored text that is not an object', () => {
    expect(() => decodeDoc('[1,2]')).toThrow('corrupt document in storage');
    expect(() => decodeDoc('{"$date":5}')).toThrow('corrupt document in storage');
  });

  it('stores and reads back dates and non-finite numbers through the SDK', async () => {
    // (The SDK itself hands regular expressions back as { pattern, options }: the codec's part is checked above.)
    const h = startLocalCloud([spec('things')]);
    try {
      const data = { at: everyType.at, nan: Number.NaN, up: Number.POSITIVE_INFINITY, list: [new Date(5), [Number.NEGATIVE_INFINITY, { at: new Date(6) }]], nested: { deeper: { at: new Date(42) } }, history: everyType.history };
      await h.db.collection('things').add({ data: { _id: 'every', ...data } });
      await h.db.collection('things').add({ data: { _id: 'plain', n: 1, tags: ['a'] } });
      expect((await h.db.collection('things').doc('every').get()).data).toEqual({ _id: 'every', ...data });
      expect((await h.db.collection('things').doc('plain').get()).data).toEqual({ _id: 'plain', n: 1, tags: ['a'] });
      const found = await h.db.collection('things').where({ at: h._.gt(new Date(Date.UTC(2026, 0, 1))) }).get();
      expect(found.data.map((doc: { _id: string }) => doc._id)).toEqual(['every']);
    } finally {
      h.close();
    }
  });
});
