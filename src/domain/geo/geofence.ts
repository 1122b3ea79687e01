/** Geofence maths for visit check-ins (WGS-84 degrees, metres). Location is evidence, never proof. */

export interface Point {
  readonly latitude: number;
  readonly longitude: number;
}

const EARTH_RADIUS_METRES = 6_371_008.8;

/** Check-ins with a reported accuracy worse than this are flagged for review. */
export const POOR_ACCURACY_METRES = 200;

export function isValidPoint(point: Point): boolean {
  return (
    Number.isFinite(point.latitude) &&
    Number.isFinite(point.longitude) &&
    Math.abs(point.latitude) <= 90 &&
    Math.abs(point.longitude) <= 180
  );
}

/** Great-circle distance (haversine), in metres. */
export function distanceMetres(a: Point, b: Point): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type CheckInFlag = 'outsideGeofence' | 'poorAccuracy';

export const checkInFlagLabels: Record<CheckInFlag, string> = {
  outsideGeofence: '不在组织附近',
  poorAccuracy: '定位精度较差',
};

export interface CheckInAssessment {
  readonly distanceMetres: number;
  /** Empty when the check-in looks right; otherwise it is accepted and flagged for review. */
  readonly flags: readonly CheckInFlag[];
}

/** Judge a check-in against the org's geofence. Never refuses: anomalies become review flags. */
export function assessCheckIn(position: Point & { readonly accuracyMetres: number }, org: Point, geofenceMetres: number): CheckInAssessment {
  const distance = distanceMetres(position, org);
  const flags: CheckInFlag[] = [];
  if (distance > geofenceMetres) flags.push('outsideGeofence');
  if (!(position.accuracyMetres >= 0) || position.accuracyMetres > POOR_ACCURACY_METRES) flags.push('poorAccuracy');
  return { distanceMetres: Math.round(distance), flags };
}
