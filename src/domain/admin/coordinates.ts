/**
 * Coordinates on the map of mainland China. The database stores WGS-84 (GPS) degrees; WeChat's map
 * picker (`chooseLocation`) and most Chinese web maps answer in GCJ-02, which is offset from WGS-84
 * by a few hundred metres. Convert at the edge, here, and nowhere else.
 */
export interface LatLng {
  readonly latitude: number;
  readonly longitude: number;
}

export type CoordinateSystem = 'wgs84' | 'gcj02';

/** A generous box around mainland China (incl. Hainan); Hong Kong, Macao and Taiwan sit inside it too. */
export const mainlandChinaBounds = { south: 18, north: 53.6, west: 73.4, east: 135.1 } as const;

export function isInMainlandChinaBox(point: LatLng): boolean {
  const { south, north, west, east } = mainlandChinaBounds;
  return point.latitude >= south && point.latitude <= north && point.longitude >= west && point.longitude <= east;
}

/** Why a coordinate pair is impossible for a place in the district (Chinese), or undefined when fine. */
export function coordinateProblem(point: LatLng): string | undefined {
  if (!Number.isFinite(point.latitude) || !Number.isFinite(point.longitude)) return '经纬度须为数字';
  if (isInMainlandChinaBox(point)) return undefined;
  if (isInMainlandChinaBox({ latitude: point.longitude, longitude: point.latitude })) return '纬度和经度好像填反了（纬度约 18–54，经度约 73–135）';
  return '经纬度不在中国大陆范围内（纬度约 18–54，经度约 73–135）';
}

/** Six decimals: about 10 cm, more than any phone or map gives. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const semiMajorAxis = 6378245.0;
const eccentricitySquared = 0.00669342162296594323;

function offset(latitude: number, longitude: number): LatLng {
  const x = longitude - 105.0;
  const y = latitude - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLng += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (latitude / 180.0) * Math.PI;
  const magic = 1 - eccentricitySquared * Math.sin(radLat) * Math.sin(radLat);
  const sqrtMagic = Math.sqrt(magic);
  return {
    latitude: (dLat * 180.0) / (((semiMajorAxis * (1 - eccentricitySquared)) / (magic * sqrtMagic)) * Math.PI),
    longitude: (dLng * 180.0) / ((semiMajorAxis / sqrtMagic) * Math.cos(radLat) * Math.PI),
  };
}

/** WGS-84 → GCJ-02 (the published forward formula). Outside the China box the systems coincide. */
export function wgs84ToGcj02(point: LatLng): LatLng {
  if (!isInMainlandChinaBox(point)) return point;
  const d = offset(point.latitude, point.longitude);
  return { latitude: point.latitude + d.latitude, longitude: point.longitude + d.longitude };
}

/** GCJ-02 → WGS-84 by fixed-point iteration of the forward formula: well under a metre of error. */
export function gcj02ToWgs84(point: LatLng): LatLng {
  if (!isInMainlandChinaBox(point)) return point;
  let guess: LatLng = point;
  for (let step = 0; step < 30; step += 1) {
    const forward = wgs84ToGcj02(guess);
    const dLat = forward.latitude - point.latitude;
    const dLng = forward.longitude - point.longitude;
    guess = { latitude: guess.latitude - dLat, longitude: guess.longitude - dLng };
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
  }
  return guess;
}

/** A point in any system as WGS-84, rounded for storage. */
export function toStoredWgs84(point: LatLng, system: CoordinateSystem): LatLng {
  const wgs = system === 'gcj02' ? gcj02ToWgs84(point) : point;
  return { latitude: roundCoordinate(wgs.latitude), longitude: roundCoordinate(wgs.longitude) };
}
