import { assessCheckIn, distanceMetres, isValidPoint } from '../../src/domain/geo/geofence';

describe('geofence', () => {
  const org = { latitude: 22.7205, longitude: 114.2468 };

  it('measures a known distance: one thousandth of a degree of latitude is about 111 m', () => {
    expect(distanceMetres(org, { latitude: 22.7215, longitude: 114.2468 })).toBeCloseTo(111.2, 0);
    expect(distanceMetres(org, org)).toBe(0);
  });

  it('measures Longgang to Futian (about 24 km) within 1%', () => {
    const futian = { latitude: 22.5431, longitude: 114.0579 };
    expect(distanceMetres(org, futian) / 27_600).toBeGreaterThan(0.97);
    expect(distanceMetres(org, futian) / 27_600).toBeLessThan(1.03);
  });

  it('accepts a check-in inside the fence with good accuracy without flags', () => {
    expect(assessCheckIn({ latitude: 22.7207, longitude: 114.2469, accuracyMetres: 25 }, org, 300)).toEqual({ distanceMetres: 24, flags: [] });
  });

  it('flags, never refuses, a check-in outside the fence or with poor accuracy', () => {
    const far = assessCheckIn({ latitude: 22.73, longitude: 114.2468, accuracyMetres: 500 }, org, 300);
    expect(far.flags).toEqual(['outsideGeofence', 'poorAccuracy']);
    expect(far.distanceMetres).toBe(1056);
  });

  it('treats a missing or negative accuracy as poor', () => {
    expect(assessCheckIn({ ...org, accuracyMetres: Number.NaN }, org, 300).flags).toEqual(['poorAccuracy']);
    expect(assessCheckIn({ ...org, accuracyMetres: -1 }, org, 300).flags).toEqual(['poorAccuracy']);
  });

  it('validates coordinates', () => {
    expect(isValidPoint({ latitude: 91, longitude: 0 })).toBe(false);
    expect(isValidPoint({ latitude: 0, longitude: -181 })).toBe(false);
    expect(isValidPoint({ latitude: Number.NaN, longitude: 0 })).toBe(false);
    expect(isValidPoint(org)).toBe(true);
  });
});
