/**
 * The venue check-in code of a joint activity changes every few seconds, so each code says when it was
 * shown. A code is accepted for VENUE_CODE_GRACE_MINUTES after it was first shown: a scan is never
 * refused for being late (a slow network, an organiser's phone that stopped refreshing the code, a code
 * forwarded into a group chat) but flagged when it is (attendanceFlags.ts, LATE_SCAN_SECONDS). A code
 * older than that is from an earlier part of the day: the participant is asked to scan the current one.
 */
export const VENUE_CODE_SECONDS = 10;
/** How long after it was first shown a code is still accepted (and judged late or not). */
export const VENUE_CODE_GRACE_MINUTES = 30;

export function venueWindow(now: Date, seconds = VENUE_CODE_SECONDS): number {
  return Math.floor(now.getTime() / (seconds * 1000));
}

/** Windows whose code is accepted at `now`, newest first: the current one and those of the last VENUE_CODE_GRACE_MINUTES. */
export function acceptedWindows(now: Date, seconds = VENUE_CODE_SECONDS): readonly number[] {
  const current = venueWindow(now, seconds);
  const earlier = Math.floor((VENUE_CODE_GRACE_MINUTES * 60) / seconds);
  return Array.from({ length: earlier + 1 }, (_, back) => current - back);
}

/** When the code of `window` was first shown: the start of its window. */
export function windowShownAt(window: number, seconds = VENUE_CODE_SECONDS): Date {
  return new Date(window * seconds * 1000);
}

/** Seconds until the code shown at `now` changes. */
export function secondsUntilNextCode(now: Date, seconds = VENUE_CODE_SECONDS): number {
  return seconds - Math.floor((now.getTime() / 1000) % seconds);
}
