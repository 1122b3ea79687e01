/**
 * Review flags of records (待核查), beyond a check-in's own geofence and accuracy flags: patterns that
 * only show across records. Flags are never refusals: they put a record in front of an office, which
 * checks it against the paper book and marks it reviewed with a note. Pure: the rows come from the
 * database, the office's read computes the flags; nothing here stores coordinates or people's data.
 */
import type { CheckInFlag } from '../geo/geofence';
import { checkInFlagLabels } from '../geo/geofence';
import { chinaDateString } from '../time/chinaTime';
import type { RecordKind } from './catalog';

export type CrossRecordFlag = 'sameSpotManyDays' | 'photoReused' | 'visitFarFromOrg' | 'confirmBurst';
export type ReviewFlag = CheckInFlag | CrossRecordFlag;

export const reviewFlagLabels: Record<ReviewFlag, string> = {
  ...checkInFlagLabels,
  sameSpotManyDays: '多日签到坐标完全相同',
  photoReused: '照片与其他记录重复',
  visitFarFromOrg: '走访记录但签到远离组织',
  confirmBurst: '负责人短时间内集中确认',
};

/** Coordinates are compared to the metre: 1e-5 degree is about 1.1 m of latitude. */
const SPOT_GRID = 1e5;
/** The same spot on this many different days of checking in (China dates; one person, one pairing) is flagged. */
export const SAME_SPOT_MIN_DAYS = 3;
/** A visit whose check-in is this far from the org (beyond its reported accuracy) is flagged. */
export const VISIT_FAR_METRES = 3_000;
/** Reported accuracy is trusted up to this; a worse fix cannot make a far check-in look near. */
const MAX_TRUSTED_ACCURACY_METRES = 1_000;
/** This many confirmations by one leader within this many seconds are flagged, each of them. */
export const CONFIRM_BURST_COUNT = 5;
export const CONFIRM_BURST_SECONDS = 60;

/** The kinds of record that claim someone went to the org. */
const visitKinds: ReadonlySet<RecordKind> = new Set<RecordKind>(['monthlyVisit', 'festivalVisit']);

/** The spot a position falls in, to the metre (the server stores only a hash of it on records). */
export function spotKey(point: { readonly latitude: number; readonly longitude: number }): string {
  return `${Math.round(point.latitude * SPOT_GRID)},${Math.round(point.longitude * SPOT_GRID)}`;
}

/** What the office's read knows of each handed-in record in its scope. */
export interface EvidenceRow {
  readonly id: string;
  readonly pairingId: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly checkIn: { readonly at: Date; readonly personId: string; readonly flags: readonly CheckInFlag[]; readonly distanceMetres: number; readonly accuracyMetres: number; readonly spotHash?: string } | null;
  readonly photoHashes: readonly string[];
  readonly confirmed: { readonly at: Date; readonly byId: string } | null;
}

function groupIds<K>(rows: readonly EvidenceRow[], keysOf: (row: EvidenceRow) => readonly K[]): Map<K, EvidenceRow[]> {
  const groups = new Map<K, EvidenceRow[]>();
  for (const row of rows) for (const key of new Set(keysOf(row))) groups.set(key, [...(groups.get(key) ?? []), row]);
  return groups;
}

/** Records whose check-in spot, for one person and pairing, recurs on at least SAME_SPOT_MIN_DAYS days. */
export function sameSpotRecords(rows: readonly EvidenceRow[]): Set<string> {
  const flagged = new Set<string>();
  const groups = groupIds(rows, (row) => (row.checkIn?.spotHash ? [`${row.pairingId}|${row.checkIn.personId}|${row.checkIn.spotHash}`] : []));
  for (const group of groups.values()) {
    if (new Set(group.map((row) => chinaDateString(row.checkIn!.at))).size >= SAME_SPOT_MIN_DAYS) for (const row of group) flagged.add(row.id);
  }
  return flagged;
}

/** Records sharing a photo (same content hash) with another record: each of them. */
export function photoReusedRecords(rows: readonly EvidenceRow[]): Set<string> {
  const flagged = new Set<string>();
  for (const group of groupIds(rows, (row) => row.photoHashes).values()) {
    if (group.length >= 2) for (const row of group) flagged.add(row.id);
  }
  return flagged;
}

/** A record claiming a visit whose check-in is far from the org. */
export function isVisitFarFromOrg(row: Pick<EvidenceRow, 'kind' | 'checkIn'>): boolean {
  if (!visitKinds.has(row.kind) || !row.checkIn) return false;
  const slack = Math.min(Math.max(row.checkIn.accuracyMetres, 0), MAX_TRUSTED_ACCURACY_METRES);
  return row.checkIn.distanceMetres - slack > VISIT_FAR_METRES;
}

/** Records confirmed in a burst: CONFIRM_BURST_COUNT or more by one leader within CONFIRM_BURST_SECONDS. */
export function confirmBurstRecords(rows: readonly EvidenceRow[]): Set<string> {
  const flagged = new Set<string>();
  const groups = groupIds(rows, (row) => (row.confirmed ? [row.confirmed.byId] : []));
  for (const group of groups.values()) {
    const times = group.map((row) => ({ id: row.id, at: row.confirmed!.at.getTime() })).sort((a, b) => a.at - b.at);
    let start = 0;
    for (let end = 0; end < times.length; end += 1) {
      while (times[end]!.at - times[start]!.at > CONFIRM_BURST_SECONDS * 1_000) start += 1;
      if (end - start + 1 >= CONFIRM_BURST_COUNT) for (let i = start; i <= end; i += 1) flagged.add(times[i]!.id);
    }
  }
  return flagged;
}

/** Every record's review flags, in a stable order (the check-in's own first); records without any are left out. */
export function reviewFlagsOf(rows: readonly EvidenceRow[]): Map<string, ReviewFlag[]> {
  const sameSpot = sameSpotRecords(rows);
  const photo = photoReusedRecords(rows);
  const burst = confirmBurstRecords(rows);
  const result = new Map<string, ReviewFlag[]>();
  for (const row of rows) {
    const flags: ReviewFlag[] = [...(row.checkIn?.flags ?? [])];
    if (sameSpot.has(row.id)) flags.push('sameSpotManyDays');
    if (photo.has(row.id)) flags.push('photoReused');
    if (isVisitFarFromOrg(row)) flags.push('visitFarFromOrg');
    if (burst.has(row.id)) flags.push('confirmBurst');
    if (flags.length > 0) result.set(row.id, flags);
  }
  return result;
}

/** Still to be checked: a flag the office has not reviewed yet (a flag that appears after a review brings the record back). */
export function awaitsReview(flags: readonly ReviewFlag[], reviewed: readonly ReviewFlag[] | undefined): boolean {
  return flags.some((flag) => !(reviewed ?? []).includes(flag));
}
