import type { PointsRecord } from './inputs';

/**
 * A pairing's periodic records sorted once into the 17 periods of a calendar year — visits into their
 * month (0–11), activities into their quarter (12–15), summary meetings into the year (16) — so that
 * each period of the calendar scans its own few records instead of all of the unit's.
 *
 * A record goes by the two characters after the year in its date text (`YYYY-MM-DD`): every text
 * between a month's (or quarter's) first and last day, as strings, shares their `YYYY-MM`, so no record
 * that could count for a period is left out of its bucket. Whoever scans a bucket still checks the
 * period's bounds, as over the whole list: a bucket only leaves out what could never count.
 */
export const PERIOD_BUCKETS = 17;
export const QUARTER_BUCKETS = 12;
export const YEAR_BUCKET = 16;

/** The buckets of one pairing, by period index; undefined: no record. */
export type PeriodBuckets = ReadonlyArray<readonly PointsRecord[] | undefined>;

/** The month (1–12) written at `at` and `at + 1` of a date, or 0 when there is none. */
function monthAt(date: string, at: number): number {
  const tens = date.charCodeAt(at) - 48;
  const units = date.charCodeAt(at + 1) - 48;
  if (!(tens === 0 || tens === 1) || !(units >= 0 && units <= 9)) return 0;
  const month = tens * 10 + units;
  return month <= 12 ? month : 0;
}

function bucketOf(record: PointsRecord, prefix: string): number {
  if (!record.date.startsWith(prefix)) return -1;
  switch (record.kind) {
    case 'monthlyVisit':
      return monthAt(record.date, prefix.length) - 1;
    case 'quarterlyActivity': {
      const month = monthAt(record.date, prefix.length);
      return month === 0 ? -1 : QUARTER_BUCKETS + Math.floor((month - 1) / 3);
    }
    case 'annualSummary':
      return YEAR_BUCKET;
    default:
      return -1;
  }
}

/**
 * The records' buckets for the year whose first day is `yearFirst` (`YYYY-01-01`, as the calendar's
 * periods write it). Should that day not read so, every bucket holds all the records.
 */
export function periodBuckets(records: readonly PointsRecord[], yearFirst: string): PeriodBuckets {
  const buckets = new Array<PointsRecord[] | readonly PointsRecord[] | undefined>(PERIOD_BUCKETS).fill(undefined);
  if (!yearFirst.endsWith('-01-01')) return buckets.fill(records);
  const prefix = yearFirst.slice(0, -5);
  for (const record of records) {
    const index = bucketOf(record, prefix);
    if (index < 0) continue;
    const bucket = buckets[index] as PointsRecord[] | undefined;
    if (bucket) bucket.push(record);
    else buckets[index] = [record];
  }
  return buckets;
}
