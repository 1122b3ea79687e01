import Taro from '@tarojs/taro';
import type { ActionResult } from '../contract/result';
import { failure, networkFailureMessage, toActionResult } from './envelope';

/**
 * Putting a file from the phone into cloud storage, in both targets: weapp uploads with wx.cloud,
 * h5 sends the blob to the local cloud's `/api/upload`. Photos and documents both go through
 * `uploadFile`; only their limits and wording differ.
 */
export interface LocalFile {
  /** A temp file path in weapp, a blob URL in h5. */
  readonly path: string;
  readonly size: number;
  /** MIME type when the platform tells it (h5). */
  readonly type?: string;
}

/** How large a file may be and how a failed upload is told, in the words of what is uploaded. */
export interface UploadRules {
  readonly maxBytes: number;
  readonly tooLarge: string;
  readonly failed: string;
  readonly unreadable: string;
  /** h5: the content type to send, knowing the blob read from the file. */
  readonly contentType: (blob: Blob) => string;
}

/** A cloud path for one upload, ASCII only: `<folder>/<time>-<random>.<extension>`. */
export function storagePath(folder: string, extension: string, now: number = Date.now()): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${folder.replace(/^\/+|\/+$/g, '')}/${now.toString(36)}-${random}.${extension}`;
}

/** Uploads one file; answers its fileID. Never throws. */
export async function uploadFile(file: LocalFile, cloudPath: string, rules: UploadRules): Promise<ActionResult<{ fileID: string }>> {
  if (file.size > rules.maxBytes) return failure('PAYLOAD_TOO_LARGE', rules.tooLarge);
  return process.env.TARO_ENV === 'h5' ? uploadOverHttp(file, cloudPath, rules) : uploadToCloud(file, cloudPath, rules);
}

async function uploadToCloud(file: LocalFile, cloudPath: string, rules: UploadRules): Promise<ActionResult<{ fileID: string }>> {
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
    return res.fileID ? { ok: true, data: { fileID: res.fileID } } : failure('INTERNAL', rules.failed);
  } catch {
    return failure('INTERNAL', rules.failed);
  }
}

/** h5: read the blob behind the URL and send it to the local cloud's `/api/upload`. */
async function uploadOverHttp(file: LocalFile, cloudPath: string, rules: UploadRules): Promise<ActionResult<{ fileID: string }>> {
  let blob: Blob;
  try {
    blob = await (await fetch(file.path)).blob();
  } catch {
    return failure('INTERNAL', rules.unreadable);
  }
  if (blob.size > rules.maxBytes) return failure('PAYLOAD_TOO_LARGE', rules.tooLarge);
  let res: Response;
  try {
    res = await fetch('/api/upload', {
      method: 'POST',
      headers: { 'content-type': rules.contentType(blob), 'x-cloud-path': cloudPath },
      credentials: 'same-origin',
      body: blob,
    });
  } catch {
    return failure('INTERNAL', networkFailureMessage);
  }
  if (res.status === 415) return failure('INVALID_INPUT', '服务器暂不接受这种文件类型');
  try {
    const result = toActionResult<{ fileID: unknown }>(await res.json());
    if (!result.ok) return result;
    return typeof result.data.fileID === 'string' ? { ok: true, data: { fileID: result.data.fileID } } : failure('INTERNAL', rules.failed);
  } catch {
    return failure('INTERNAL', rules.failed);
  }
}
