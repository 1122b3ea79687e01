import Taro from '@tarojs/taro';
import type { LocalImage } from './upload';

/**
 * Take or pick one photo. Answers null when the person cancels (photos are always optional).
 * weapp reports `fileType: 'image'`, h5 the MIME type.
 */
export async function chooseOneImage(): Promise<LocalImage | null> {
  try {
    const res = await Taro.chooseMedia({ mediaType: ['image'], sourceType: ['camera', 'album'], count: 1 });
    const file = res.tempFiles[0];
    if (!file) return null;
    const fileType = (file as { fileType?: string }).fileType;
    return { path: file.tempFilePath, size: file.size, ...(fileType?.includes('/') ? { type: fileType } : {}) };
  } catch {
    return null;
  }
}
