import Taro from '@tarojs/taro';
import type { ActionError } from '../contract/errors';
import type { ActionResult } from '../contract/result';
import { callAction } from './callAction';
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

let ownFolder: Promise<string | null> | undefined;

/**
 * weapp: the person's own upload folder, `uploads/<personId>`. The functions accept as an attachment
 * only a file the caller uploaded (its path names them); the local server puts h5 uploads under
 * `uploads/<openid>` itself.
 */
function uploadFolder(): Promise<string | null> {
  ownFolder ??= callAction('session.whoami', {}).then((result) => (result.ok && result.data.person ? `uploads/${result.data.person.id}` : null));
  return ownFolder.then((folder) => {
    if (folder === null) ownFolder = undefined;
    return folder;
  });
}

async function uploadToCloud(file: LocalFile, cloudPath: string, rules: UploadRules): Promise<ActionResult<{ fileID: string }>> {
  const folder = await uploadFolder();
  if (folder === null) return failure('UNAUTHENTICATED', '请先加入后再上传文件');
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${cloudPath.replace(/^\/+/, '')}`, filePath: file.path });
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
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!res.ok) return refusalOf(res.status, body, rules);
  const result = toActionResult<{ fileID: unknown }>(body);
  if (!result.ok) return result;
  return typeof result.data.fileID === 'string' ? { ok: true, data: { fileID: result.data.fileID } } : failure('INTERNAL', rules.failed);
}

/** Why the server refused an upload, in its own Chinese words when it gave them, else by status. */
export function refusalOf(status: number, body: unknown, rules: Pick<UploadRules, 'tooLarge' | 'failed'>): { ok: false; error: ActionError } {
  const told = toActionResult(body);
  if (!told.ok && told.error.code !== 'INTERNAL' && /[\u4e00-\u9fa5]/.test(told.error.message)) return told;
  if (status === 415) return failure('INVALID_INPUT', '服务器不接受这种文件类型，请换一个文件');
  if (status === 413) return failure('PAYLOAD_TOO_LARGE', rules.tooLarge);
  if (status === 401) return failure('UNAUTHENTICATED', '登录已过期，请重新登录后再上传');
  if (status === 403) return failure('FORBIDDEN', '您没有上传文件的权限');
  return failure('INTERNAL', rules.failed);
}
