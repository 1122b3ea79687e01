import { assessAttendance, distanceLabel, VENUE_RADIUS_METRES } from '../../src/domain/activities/attendanceFlags';

const venue = { latitude: 22.7201, longitude: 113.8285, accuracyMetres: 15 };
/** A point `metres` north of the venue (1° of latitude ≈ 111,195 m). */
const north = (metres: number, accuracyMetres = 10) => ({ latitude: venue.latitude + metres / 111_195, longitude: venue.longitude, accuracyMetres });

describe('venue check-in flags (现场签到核查)', () => {
  it('flags a scan beyond the radius plus both phones’ accuracy, and only then', () => {
    expect(assessAttendance(north(100), venue)).toEqual({ distanceMetres: 100, flags: [] });
    expect(assessAttendance(north(VENUE_RADIUS_METRES + 20), venue).flags).toEqual([]); // within the two fixes' accuracy
    expect(assessAttendance(north(VENUE_RADIUS_METRES + 30), venue).flags).toEqual(['farFromVenue']);
    expect(assessAttendance(north(30_000), venue)).toEqual({ distanceMetres: 30_000, flags: ['farFromVenue'] });
  });

  it('does not let a poor fix hide a scan that is far away', () => {
    // A reported accuracy of 50 km would cover anything; at most 1 km of it is believed.
    expect(assessAttendance(north(30_000, 50_000), venue).flags).toEqual(['farFromVenue']);
    expect(assessAttendance(north(1_400, 900), venue).flags).toEqual([]);
  });

  it('judges nothing when either phone gave no position: location is optional', () => {
    expect(assessAttendance(undefined, venue)).toEqual({ distanceMetres: null, flags: [] });
    expect(assessAttendance(north(30_000), undefined)).toEqual({ distanceMetres: null, flags: [] });
  });

  it('says the distance as a person reads it', () => {
    expect(distanceLabel(104)).toBe('约 100 米');
    expect(distanceLabel(950)).toBe('约 950 米');
    expect(distanceLabel(30_712)).toBe('约 30.7 公里');
  });
});
