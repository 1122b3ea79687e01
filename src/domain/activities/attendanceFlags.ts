/**
 * Review flags of a venue check-in (现场签到) at a joint activity. A code forwarded into a group chat
 * can be scanned elsewhere, or later: so where both phones gave a position, a scan far from where the
 * code was shown is flagged, and a scan long after its code was shown (the rotating code says when) is
 * flagged, for the office to review. Never a refusal, and the position itself is kept only as a
 * distance: attendance is evidence, never tracking (国办函〔2026〕12号).
 */
import type { Point } from '../geo/geofence';
import { distanceMetres } from '../geo/geofence';

/** A scan this far (beyond both phones' reported accuracy) from where the code was shown is flagged. */
export const VENUE_RADIUS_METRES = 500;
/** Reported accuracy is trusted up to this; a worse fix cannot make a scan look near. */
const MAX_TRUSTED_ACCURACY_METRES = 1_000;

/**
 * A scan this long after its code was first shown is flagged. An honest scan takes well under a minute
 * even on a slow network: the code shows for 10 s, then the page opens, the phone locates, and one
 * resend after the 15-second request timeout; a code forwarded into a group chat is opened minutes later.
 */
export const LATE_SCAN_SECONDS = 120;

export type AttendanceFlag = 'farFromVenue' | 'scannedLate';

export const attendanceFlagLabels: Record<AttendanceFlag, string> = {
  farFromVenue: '扫码位置远离活动现场',
  scannedLate: '扫码时间远晚于签到码出示',
};

export interface PositionFix extends Point {
  readonly accuracyMetres: number;
}

export interface AttendanceAssessment {
  /** Metres from where the code was shown; null when either phone gave no position. */
  readonly distanceMetres: number | null;
  readonly flags: readonly AttendanceFlag[];
}

const slack = (fix: PositionFix) => Math.min(Math.max(fix.accuracyMetres, 0), MAX_TRUSTED_ACCURACY_METRES);

/** When the scanned code was first shown and when the scan arrived. */
export interface ScanTiming {
  readonly shownAt: Date;
  readonly scannedAt: Date;
}

/** Whole seconds from when the scanned code was first shown to the scan (never negative). */
export function codeAgeSeconds({ shownAt, scannedAt }: ScanTiming): number {
  return Math.max(0, Math.floor((scannedAt.getTime() - shownAt.getTime()) / 1000));
}

/**
 * Judge a scan against the venue (the organiser's position when the code was first shown that day)
 * and, given its timing, against when its code was shown.
 */
export function assessAttendance(scan: PositionFix | undefined, venue: PositionFix | undefined, timing?: ScanTiming): AttendanceAssessment {
  const flags: AttendanceFlag[] = [];
  let distance: number | null = null;
  if (scan && venue) {
    distance = distanceMetres(scan, venue);
    if (distance - slack(scan) - slack(venue) > VENUE_RADIUS_METRES) flags.push('farFromVenue');
  }
  if (timing && codeAgeSeconds(timing) > LATE_SCAN_SECONDS) flags.push('scannedLate');
  return { distanceMetres: distance === null ? null : Math.round(distance), flags };
}

/** "出示约 5 分钟后扫码", as the office reads it next to the flag. */
export function lateLabel(ageSeconds: number): string {
  return `出示约 ${Math.max(1, Math.round(ageSeconds / 60))} 分钟后扫码`;
}

/** "约 3.2 公里" / "约 350 米", as the office reads it next to the flag. */
export function distanceLabel(metres: number): string {
  return metres >= 1_000 ? `约 ${(metres / 1_000).toFixed(1)} 公里` : `约 ${Math.round(metres / 10) * 10} 米`;
}
