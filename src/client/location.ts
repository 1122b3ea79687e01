import Taro from '@tarojs/taro';

export type PositionResult =
  | { readonly ok: true; readonly latitude: number; readonly longitude: number; readonly accuracy: number }
  | { readonly ok: false; readonly denied: boolean };

/** The phone's position in WGS-84 (the only system h5 offers; weapp's default), high accuracy, 10 s at most. */
export async function currentPosition(): Promise<PositionResult> {
  try {
    const res = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true, highAccuracyExpireTime: 10_000 });
    if (!Number.isFinite(res.latitude) || !Number.isFinite(res.longitude)) return { ok: false, denied: false };
    return { ok: true, latitude: res.latitude, longitude: res.longitude, accuracy: Number.isFinite(res.accuracy) ? Math.max(0, res.accuracy) : 100_000 };
  } catch (error) {
    const message = String((error as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (error as Error | null)?.message ?? '');
    return { ok: false, denied: /auth|deny|denied|permission|权限/i.test(message) };
  }
}
