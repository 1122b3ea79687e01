import { distanceMetres } from '../../src/domain/geo/geofence';
import { coordinateProblem, gcj02ToWgs84, isInMainlandChinaBox, toStoredWgs84, wgs84ToGcj02 } from '../../src/domain/admin/coordinates';

describe('coordinates of orgs', () => {
  const longgang = { latitude: 22.7205, longitude: 114.2468 };

  it('offsets WGS-84 by a few hundred metres in GCJ-02 inside China, and not outside', () => {
    const gcj = wgs84ToGcj02(longgang);
    const offset = distanceMetres(longgang, gcj);
    expect(offset).toBeGreaterThan(200);
    expect(offset).toBeLessThan(700);
    const paris = { latitude: 48.8566, longitude: 2.3522 };
    expect(wgs84ToGcj02(paris)).toEqual(paris);
  });

  it('converts GCJ-02 back to WGS-84 within a few centimetres, across the country', () => {
    for (const point of [longgang, { latitude: 39.9087, longitude: 116.3975 }, { latitude: 45.75, longitude: 126.65 }, { latitude: 18.25, longitude: 109.5 }]) {
      const back = gcj02ToWgs84(wgs84ToGcj02(point));
      expect(distanceMetres(point, back)).toBeLessThan(0.05);
    }
  });

  it('stores six decimals, converting from the map picker’s system', () => {
    expect(toStoredWgs84({ latitude: 22.72051234, longitude: 114.24681234 }, 'wgs84')).toEqual({ latitude: 22.720512, longitude: 114.246812 });
    const picked = wgs84ToGcj02(longgang);
    const stored = toStoredWgs84(picked, 'gcj02');
    expect(distanceMetres(stored, longgang)).toBeLessThan(0.2);
  });

  it('refuses impossible places with a reason, and spots swapped latitude and longitude', () => {
    expect(coordinateProblem(longgang)).toBeUndefined();
    expect(coordinateProblem({ latitude: 114.2468, longitude: 22.7205 })).toMatch(/填反/);
    expect(coordinateProblem({ latitude: 0, longitude: 0 })).toMatch(/不在中国大陆范围内/);
    expect(coordinateProblem({ latitude: Number.NaN, longitude: 114 })).toMatch(/数字/);
    expect(isInMainlandChinaBox({ latitude: 53.5, longitude: 122.3 })).toBe(true);
  });
});
