/**
 * The local store's decoding: every read of the local cloud parses the stored JSON text of each
 * document and restores its extended types (dates, regular expressions, NaN/±Infinity). Figure:
 * decoding 40,000 bench records (points' documents, with dates) and 40,000 documents without any
 * extended type, against a plain `JSON.parse` of the same texts.
 */
import { decodeDoc, encodeDoc } from '../../localcloud/db/codec';
import type { PairingDocument } from '../../server/db/documents';
import { record } from './shared/district';
import { median } from './stats';
import type { Figure } from './stats';

const DOCUMENTS = 40_000;

/**
 * The medians of `times` rounds of each piece of work, the pieces interleaved round by round: run
 * one after the other, the second inherited the first's garbage (a plain parse of 40,000 documents
 * leaves some 200 MB for the collector), which made decoding look 1.5× a parse it equals.
 */
function timeInterleaved(times: number, works: ReadonlyArray<() => void>): number[] {
  const durations = works.map(() => [] as number[]);
  for (let round = 0; round < times; round += 1) {
    works.forEach((work, index) => {
      const start = process.hrtime.bigint();
      work();
      durations[index]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return durations.map(median);
}

export function storeDecodeFigures(): Figure[] {
  const pairing: PairingDocument = {
    _id: 'bench-pairing-0000',
    unitId: 'bench-unit-0000',
    orgId: 'bench-org-0000',
    unitName: '单位1',
    orgName: '组织1',
    year: 2026,
    streetId: 'bench-street-0',
    unitStreetId: 'bench-street-0',
    arrangedBy: 'district',
    startDate: '2026-01-01',
    endDate: null,
  };
  const withDates = Array.from({ length: DOCUMENTS }, (_, index) => {
    const month = 1 + (index % 12);
    return encodeDoc(record(pairing, index, 'monthlyVisit', `2026-${String(month).padStart(2, '0')}-05`, 'confirmed', ['careForMembers']) as never);
  });
  // The same records with their dates as numbers: no extended type anywhere in the text.
  const plain = withDates.map((text) => text.replace(/\{"\$date":(-?\d+)\}/g, '$1'));
  let sink = 0;
  const parse = (texts: readonly string[]) => () => {
    for (const text of texts) sink += Object.keys(JSON.parse(text) as object).length;
  };
  const decode = (texts: readonly string[]) => () => {
    for (const text of texts) sink += Object.keys(decodeDoc(text)).length;
  };
  const [parseDated, decodeDated, parsePlain, decodePlain] = timeInterleaved(7, [parse(withDates), decode(withDates), parse(plain), decode(plain)]).map(Math.round) as [number, number, number, number];
  const figures: Figure[] = [
    { name: `store: JSON.parse of ${DOCUMENTS} records (no reviver)`, value: parseDated, unit: 'ms (median of 7, interleaved)' },
    { name: `store: decode of ${DOCUMENTS} records with dates`, value: decodeDated, unit: 'ms (median of 7, interleaved)' },
    { name: `store: JSON.parse of ${DOCUMENTS} documents without extended types`, value: parsePlain, unit: 'ms (median of 7, interleaved)' },
    { name: `store: decode of ${DOCUMENTS} documents without extended types`, value: decodePlain, unit: 'ms (median of 7, interleaved)' },
    { name: 'store: decode ÷ JSON.parse without extended types', value: Math.round((decodePlain / parsePlain) * 100) / 100, unit: '×' },
  ];
  if (sink === 0) throw new Error('nothing decoded');
  return figures;
}
