/**
 * The venue check-in code of a joint activity changes every few seconds, so a photo of the organiser's
 * screen sent to someone elsewhere is soon useless. A code is accepted in its own window and the one
 * before (time to scan and send on a slow network).
 */
export const VENUE_CODE_SECONDS = 10;

export function venueWindow(now: Date, seconds = VENUE_CODE_SECONDS): number {
  return Math.floor(now.getTime() / (seconds * 1000));
}

/** Windows whose code is accepted at `now`. */
export function acceptedWindows(now: Date, seconds = VENUE_CODE_SECONDS): readonly number[] {
  const current = venueWindow(now, seconds);
  return [current, current - 1];
}

/** Seconds until the code shown at `now` changes. */
export function secondsUntilNextCode(now: Date, seconds = VENUE_CODE_SECONDS): number {
  return seconds - Math.floor((now.getTime() / 1000) % seconds);
}
