import type { EvidenceRow } from '../../src/domain/records/reviewFlags';
import {
  awaitsReview,
  confirmBurstRecords,
  isVisitFarFromOrg,
  photoReusedRecords,
  reviewFlagsOf,
  sameSpotRecords,
  spotKey,
  VISIT_FAR_METRES,
} from '../../src/domain/records/reviewFlags';
import { chinaInstant } from '../../src/domain/time/chinaTime';

/** A handed-in record with no evidence of note; each test adds what it is about. */
function row(id: string, overrides: Partial<EvidenceRow> = {}): EvidenceRow {
  return { id, pairingId: 'pairing-1', kind: 'monthlyVisit', date: '2026-06-01', checkIn: null, photoHashes: [], confirmed: null, ...overrides };
}
const checkIn = (at: Date, spotHash: string | undefined, more: Partial<NonNullable<EvidenceRow['checkIn']>> = {}): NonNullable<EvidenceRow['checkIn']> => ({
  at,
  personId: 'person-a',
  flags: [],
  distanceMetres: 50,
  accuracyMetres: 20,
  ...(spotHash ? { spotHash } : {}),
  ...more,
});

describe('the same spot to the metre on several days', () => {
  it('compares coordinates to the metre: a metre apart is another spot, a few centimetres the same', () => {
    expect(spotKey({ latitude: 22.720001, longitude: 114.250001 })).toBe(spotKey({ latitude: 22.72, longitude: 114.25 }));
    expect(spotKey({ latitude: 22.72001, longitude: 114.25 })).not.toBe(spotKey({ latitude: 22.72, longitude: 114.25 }));
  });

  it('flags every record once the spot recurs on three different China days, for one person and pairing', () => {
    const days = [chinaInstant(2026, 6, 1, 9), chinaInstant(2026, 6, 8, 9), chinaInstant(2026, 6, 15, 23, 30)];
    const rows = days.map((at, i) => row(`r${i}`, { checkIn: checkIn(at, 'spot-x') }));
    expect([...sameSpotRecords(rows)].sort()).toEqual(['r0', 'r1', 'r2']);
    expect(sameSpotRecords(rows.slice(0, 2)).size).toBe(0);
  });

  it('does not flag the same spot three times on one day, another person, another pairing, or check-ins without a spot', () => {
    const day = chinaInstant(2026, 6, 1, 9);
    expect(sameSpotRecords([0, 1, 2].map((i) => row(`s${i}`, { checkIn: checkIn(new Date(day.getTime() + i * 3_600_000), 'spot-x') }))).size).toBe(0);
    const mixed = [
      row('a', { checkIn: checkIn(chinaInstant(2026, 6, 1, 9), 'spot-x') }),
      row('b', { checkIn: checkIn(chinaInstant(2026, 6, 2, 9), 'spot-x', { personId: 'person-b' }) }),
      row('c', { pairingId: 'pairing-2', checkIn: checkIn(chinaInstant(2026, 6, 3, 9), 'spot-x') }),
      row('d', { checkIn: checkIn(chinaInstant(2026, 6, 4, 9), undefined) }),
    ];
    expect(sameSpotRecords(mixed).size).toBe(0);
  });
});

it('a photo used on two records flags both; distinct photos flag none', () => {
  const rows = [row('a', { photoHashes: ['h1', 'h2'] }), row('b', { photoHashes: ['h2'] }), row('c', { photoHashes: ['h3'] })];
  expect([...photoReusedRecords(rows)].sort()).toEqual(['a', 'b']);
  expect(photoReusedRecords([row('a', { photoHashes: ['h1', 'h1'] })]).size).toBe(0);
});

describe('a visit checked in far from the org', () => {
  const far = (distanceMetres: number, accuracyMetres = 20) => checkIn(chinaInstant(2026, 6, 1, 9), undefined, { distanceMetres, accuracyMetres });
  it(`flags a visit more than ${VISIT_FAR_METRES} m beyond the reported accuracy`, () => {
    expect(isVisitFarFromOrg({ kind: 'monthlyVisit', checkIn: far(3_100) })).toBe(true);
    expect(isVisitFarFromOrg({ kind: 'festivalVisit', checkIn: far(8_000) })).toBe(true);
    expect(isVisitFarFromOrg({ kind: 'monthlyVisit', checkIn: far(3_100, 200) })).toBe(false);
    expect(isVisitFarFromOrg({ kind: 'monthlyVisit', checkIn: far(2_900) })).toBe(false);
  });
  it('caps the accuracy it trusts, and does not judge other kinds or records without a check-in', () => {
    expect(isVisitFarFromOrg({ kind: 'monthlyVisit', checkIn: far(9_000, 50_000) })).toBe(true);
    expect(isVisitFarFromOrg({ kind: 'otherWork', checkIn: far(9_000) })).toBe(false);
    expect(isVisitFarFromOrg({ kind: 'monthlyVisit', checkIn: null })).toBe(false);
  });
});

describe('a burst of confirmations by one leader', () => {
  const at = (seconds: number) => new Date(chinaInstant(2026, 6, 2, 10).getTime() + seconds * 1_000);
  const confirmedAt = (seconds: number[], byId = 'leader-1') => seconds.map((s, i) => row(`${byId}-${i}`, { confirmed: { at: at(s), byId } }));
  it('flags five confirmations within 60 seconds, each of them, and not a sixth a minute later', () => {
    const rows = confirmedAt([0, 10, 20, 30, 60, 200]);
    expect([...confirmBurstRecords(rows)].sort()).toEqual(['leader-1-0', 'leader-1-1', 'leader-1-2', 'leader-1-3', 'leader-1-4']);
  });
  it('does not flag four in a minute, five spread over 61 seconds, or five by different leaders', () => {
    expect(confirmBurstRecords(confirmedAt([0, 1, 2, 3])).size).toBe(0);
    expect(confirmBurstRecords(confirmedAt([0, 15, 30, 45, 61])).size).toBe(0);
    expect(confirmBurstRecords([0, 1, 2, 3, 4].flatMap((i) => confirmedAt([i], `leader-${i}`))).size).toBe(0);
  });
});

it('collects every flag of a record, the check-in’s own first, and leaves out records without any', () => {
  const rows = [
    row('a', { photoHashes: ['h'], checkIn: checkIn(chinaInstant(2026, 6, 1, 9), undefined, { flags: ['outsideGeofence'], distanceMetres: 5_000 }) }),
    row('b', { photoHashes: ['h'] }),
    row('c'),
  ];
  const flags = reviewFlagsOf(rows);
  expect(flags.get('a')).toEqual(['outsideGeofence', 'photoReused', 'visitFarFromOrg']);
  expect(flags.get('b')).toEqual(['photoReused']);
  expect(flags.has('c')).toBe(false);
});

it('a review covers the flags it saw; a new flag brings the record back', () => {
  expect(awaitsReview(['photoReused'], undefined)).toBe(true);
  expect(awaitsReview(['photoReused'], ['photoReused'])).toBe(false);
  expect(awaitsReview(['photoReused', 'confirmBurst'], ['photoReused'])).toBe(true);
});
