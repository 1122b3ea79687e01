import Taro from '@tarojs/taro';

/**
 * JSON values in the phone's storage (wx storage in weapp, localStorage in h5); they survive an app restart.
 * Never throws: a full or broken storage reads as absent and writes report false.
 */
export function readStored<T>(key: string): T | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    if (typeof raw !== 'string' || raw === '') return undefined;
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // nothing to remove
  }
}
