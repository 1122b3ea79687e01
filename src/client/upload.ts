import Taro from '@tarojs/taro';
import type { ActionResult } from '../contract/result';
import { failure, networkFailureMessage, toActionResult } from './envelope';

/** Photos above this are refused on the phone before any upload starts. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const tooLargeMessage = '照片不能超过 5 MB，请重新拍摄或选择较小的照片';
const uploadFailedMessage = '照片上传失败，请检查网络后重试';

/** A picture on the phone: a temp file path in weapp, a blob URL in h5. */
export interface LocalImage {
  readonly path: string;
  readonly size: number;
  /** MIME type when known (h5). */
  readonly type?: string;
}

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/heic': 'heic' };

/** A cloud path under `folder`, unique enough for one person's uploads, e.g. `records/p1/k1/lq3x-ab12.jpg`. */
export function cloudPathFor(folder: string, image: LocalImage, now: number = Date.now()): string {
  const fromPath = /\.(\w{3,4})$/.exec(image.path)?.[1]?.toLowerCase();
  const extension = (image.type !== undefined ? extensions[image.type] : undefined) ?? fromPath ?? 'jpg';
  const random = Math.random().toString(36).slice(2, 8);
  return `${folder.replace(/^\/+|\/+$/g, '')}/${now.toString(36)}-${random}.${extension}`;
}

/** Uploads one picture to cloud storage; answers its fileID. Never throws. */
export async function uploadImage(image: LocalImage, cloudPath: string): Promise<ActionResult<{ fileID: string }>> {
  if (image.size > MAX_UPLOAD_BYTES) return failure('PAYLOAD_TOO_LARGE', tooLargeMessage);
  return process.env.TARO_ENV === 'weapp' ? uploadToCloud(image, cloudPath) : uploadOverHttp(image, cloudPath);
}

async function uploadToCloud(image: LocalImage, cloudPath: string): Promise<ActionResult<{ fileID: string }>> {
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: image.path });
    return res.fileID ? { ok: true, data: { fileID: res.fileID } } : failure('INTERNAL', uploadFailedMessage);
  } catch {
    return failure('INTERNAL', uploadFailedMessage);
  }
}

/** h5: read the blob behind the URL and send it to the local cloud's `/api/upload`. */
async function uploadOverHttp(image: LocalImage, cloudPath: string): Promise<ActionResult<{ fileID: string }>> {
  let blob: Blob;
  try {
    blob = await (await fetch(image.path)).blob();
  } catch {
    return failure('INTERNAL', '无法读取照片，请重新选择');
  }
  if (blob.size > MAX_UPLOAD_BYTES) return failure('PAYLOAD_TOO_LARGE', tooLargeMessage);
  let res: Response;
  try {
    res = await fetch('/api/upload', {
      method: 'POST',
      headers: { 'content-type': blob.type || image.type || 'image/jpeg', 'x-cloud-path': cloudPath },
      credentials: 'same-origin',
      body: blob,
    });
  } catch {
    return failure('INTERNAL', networkFailureMessage);
  }
  try {
    const result = toActionResult<{ fileID: unknown }>(await res.json());
    if (!result.ok) return result;
    return typeof result.data.fileID === 'string' ? { ok: true, data: { fileID: result.data.fileID } } : failure('INTERNAL', uploadFailedMessage);
  } catch {
    return failure('INTERNAL', uploadFailedMessage);
  }
}
