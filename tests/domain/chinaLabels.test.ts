import { chinaClock, chinaDate, chinaDateTimeLabel } from '../../src/domain/time/chinaLabels';

describe('instants as people see them (China calendar and clock)', () => {
  it('gives the China date of an ISO instant, not the UTC one', () => {
    expect(chinaDate('2026-12-01T18:15:00.000Z')).toBe('2026-12-02');
    expect(chinaDate('2026-12-01T15:59:59.999Z')).toBe('2026-12-01');
    expect(chinaDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(chinaDate(new Date('2026-06-30T16:00:00.000Z'))).toBe('2026-07-01');
  });

  it('keeps a date that is already a date, and text that is not an instant', () => {
    expect(chinaDate('2026-07-14')).toBe('2026-07-14');
    expect(chinaDate('不是日期')).toBe('不是日期');
    expect(chinaClock('不是日期')).toBe('');
  });

  it('gives the China wall-clock time and a full label', () => {
    expect(chinaClock('2026-12-01T18:15:00.000Z')).toBe('02:15');
    expect(chinaClock('2026-12-01T15:59:00.000Z')).toBe('23:59');
    expect(chinaDateTimeLabel('2026-03-05T06:07:00.000Z')).toBe('2026年3月5日 14:07');
    expect(chinaDateTimeLabel('2026-12-01T18:15:00.000Z')).toBe('2026年12月2日 02:15');
  });
});
