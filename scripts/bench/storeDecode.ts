/**
 * The local store's decoding: every read of the local cloud parses the stored JSON text of each
 * document and restores its extended types (dates, regular expressions, NaN/±Infinity). Figure:
 * decoding 40,000 bench records (points' documents, with dates) and 40,000 documents without any
 * extended type, against a plain `JSON.parse` of the same texts.
 */
import { decodeDoc, encodeDoc } from '../../localcloud/db/codec';
import type { PairingDocument } from '../../server/db/documents';
import { record } from './points';
import { median } from './stats';
import type { Figure } from './stats';

const DOCUMENTS = 40_000;

function timeSync(times: number, work: () => void): number {
  const durations: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const start = process.hrtime.bigint();
    work();
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(durations);
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
  const figures: Figure[] = [
    { name: `store: JSON.parse of ${DOCUMENTS} records (no reviver)`, value: Math.round(timeSync(5, parse(withDates))), unit: 'ms (median of 5)' },
    { name: `store: decode of ${DOCUMENTS} records with dates`, value: Math.round(timeSync(5, decode(withDates))), unit: 'ms (median of 5)' },
    { name: `store: JSON.parse of ${DOCUMENTS} documents without extended types`, value: Math.round(timeSync(5, parse(plain))), unit: 'ms (median of 5)' },
    { name: `store: decode of ${DOCUMENTS} documents without extended types`, value: Math.round(timeSync(5, decode(plain))), unit: 'ms (median of 5)' },
  ];
  if (sink === 0) throw new Error('nothing decoded');
  return figures;
}
