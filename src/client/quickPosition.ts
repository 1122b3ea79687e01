import { currentPosition } from './location';

export interface QuickPosition {
  readonly latitude: number;
  readonly longitude: number;
  readonly accuracy: number;
}

/**
 * The phone's position if it comes within `maxWaitMs`, else undefined: optional evidence that must not
 * hold up what the person came to do (a venue code is accepted for seconds only). A refusal or a slow
 * fix simply means no position.
 */
export async function quickPosition(maxWaitMs = 3_000): Promise<QuickPosition | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), maxWaitMs);
  });
  const fix = currentPosition().then((result) => (result.ok ? { latitude: result.latitude, longitude: result.longitude, accuracy: result.accuracy } : undefined));
  try {
    return await Promise.race([fix, late]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
