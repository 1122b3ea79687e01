/**
 * Review flags of a venue check-in (现场签到) at a joint activity. The rotating code stops a photo of
 * the organiser's screen from working for long, but not a code forwarded into a group chat within
 * seconds: so where both phones gave a position, a scan far from where the code was shown is flagged
 * for the office to review. Never a refusal, and the position itself is kept only as a distance:
 * attendance is evidence, never tracking (国办函〔2026〕12号).
 */
import type { Point } from '../geo/geofence';
import { distanceMetres } from '../geo/geofence';

/** A scan this far (beyond both phones' reported accuracy) from where the code was shown is flagged. */
export const VENUE_RADIUS_METRES = 500;
/** Reported accuracy is trusted up to this; a worse fix cannot make a scan look near. */
const MAX_TRUSTED_ACCURACY_METRES = 1_000;

export type AttendanceFlag = 'farFromVenue';

export const attendanceFlagLabels: Record<AttendanceFlag, string> = {
  farFromVenue: '扫码位置远离活动现场',
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

/** Judge a scan against the venue: the organiser's position when the code was first shown that day. */
export function assessAttendance(scan: PositionFix | undefined, venue: PositionFix | undefined): AttendanceAssessment {
  if (!scan || !venue) return { distanceMetres: null, flags: [] };
  const distance = distanceMetres(scan, venue);
  const far = distance - slack(scan) - slack(venue) > VENUE_RADIUS_METRES;
  return { distanceMetres: Math.round(distance), flags: far ? ['farFromVenue'] : [] };
}

/** "约 3.2 公里" / "约 350 米", as the office reads it next to the flag. */
export function distanceLabel(metres: number): string {
  return metres >= 1_000 ? `约 ${(metres / 1_000).toFixed(1)} 公里` : `约 ${Math.round(metres / 10) * 10} 米`;
}
