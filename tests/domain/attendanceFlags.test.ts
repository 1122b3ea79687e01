import { assessAttendance, codeAgeSeconds, distanceLabel, LATE_SCAN_SECONDS, lateLabel, VENUE_RADIUS_METRES } from '../../src/domain/activities/attendanceFlags';

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

  it('flags a scan more than two minutes after its code was shown, near or far, with or without a position', () => {
    const shownAt = new Date('2026-11-12T06:30:00.000Z');
    const after = (seconds: number) => ({ shownAt, scannedAt: new Date(shownAt.getTime() + seconds * 1000) });
    expect(LATE_SCAN_SECONDS).toBe(120);
    expect(assessAttendance(north(100), venue, after(LATE_SCAN_SECONDS)).flags).toEqual([]);
    expect(assessAttendance(north(100), venue, after(LATE_SCAN_SECONDS + 1))).toEqual({ distanceMetres: 100, flags: ['scannedLate'] });
    expect(assessAttendance(north(30_000), venue, after(720)).flags).toEqual(['farFromVenue', 'scannedLate']);
    expect(assessAttendance(undefined, undefined, after(720))).toEqual({ distanceMetres: null, flags: ['scannedLate'] });
    expect(assessAttendance(undefined, venue, after(20)).flags).toEqual([]);
    // A scan a moment before the code's window began (clock rounding) is not early-late.
    expect(codeAgeSeconds(after(-3))).toBe(0);
    expect(codeAgeSeconds(after(720.9))).toBe(720);
    expect(lateLabel(720)).toBe('出示约 12 分钟后扫码');
    expect(lateLabel(130)).toBe('出示约 2 分钟后扫码');
  });

  it('says the distance as a person reads it', () => {
    expect(distanceLabel(104)).toBe('约 100 米');
    expect(distanceLabel(950)).toBe('约 950 米');
    expect(distanceLabel(30_712)).toBe('约 30.7 公里');
  });
});
