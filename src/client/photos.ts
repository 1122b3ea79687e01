import Taro from '@tarojs/taro';
import type { ActionResult } from '../contract/result';
import type { LocalFile } from './upload';
import { storagePath, uploadFile } from './upload';

/** Photos above this are refused on the phone before any upload starts. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const photoTooLargeMessage = '照片不能超过 5 MB，请重新拍摄或选择较小的照片';
const photoFailedMessage = '照片上传失败，请检查网络后重试';

/** A picture on the phone: a temp file path in weapp, a blob URL in h5. */
export type LocalImage = LocalFile;

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

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/heic': 'heic' };

/** A cloud path under `folder`, unique enough for one person's uploads, e.g. `records/p1/k1/lq3x-ab12.jpg`. */
export function cloudPathFor(folder: string, image: LocalImage, now: number = Date.now()): string {
  const fromPath = /\.(\w{3,4})$/.exec(image.path)?.[1]?.toLowerCase();
  const extension = (image.type !== undefined ? extensions[image.type] : undefined) ?? fromPath ?? 'jpg';
  return storagePath(folder, extension, now);
}

/** Uploads one picture to cloud storage; answers its fileID. Never throws. */
export function uploadImage(image: LocalImage, cloudPath: string): Promise<ActionResult<{ fileID: string }>> {
  return uploadFile(image, cloudPath, {
    maxBytes: MAX_PHOTO_BYTES,
    tooLarge: photoTooLargeMessage,
    failed: photoFailedMessage,
    unreadable: '无法读取照片，请重新选择',
    contentType: (blob) => blob.type || image.type || 'image/jpeg',
  });
}
