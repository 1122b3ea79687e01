import Taro from '@tarojs/taro';
import type { ActionResult } from '../../contract/result';
import { failure, networkFailureMessage, toActionResult } from '../../client/envelope';

/**
 * Picking a document (a spreadsheet, a PDF, a Word file) and putting it in cloud storage, in both
 * targets: weapp picks from a chat (`chooseMessageFile`) and uploads with wx.cloud; h5 uses the
 * browser's file picker and the local cloud's `/api/upload`.
 */
export interface LocalFile {
  /** A temp file path in weapp, a blob URL in h5. */
  readonly path: string;
  readonly name: string;
  readonly size: number;
  /** MIME type when the platform tells it (h5). */
  readonly type?: string;
}

const typesByExtension: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** The content type to upload with: from the extension (browsers report .csv as several things). */
export function contentTypeOf(file: LocalFile): string {
  return typesByExtension[extensionOf(file.name)] ?? file.type ?? 'application/octet-stream';
}

/** Asks for one file with one of these extensions; null when the person cancels. */
export async function pickFile(extensions: readonly string[]): Promise<LocalFile | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] });
      const file = res.tempFiles[0];
      return file ? { path: file.path, name: file.name, size: file.size } : null;
    } catch {
      return null;
    }
  }
  return pickInBrowser(extensions);
}

function pickInBrowser(extensions: readonly string[]): Promise<LocalFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((extension) => `.${extension}`).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size, type: file.type } : null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** A cloud path for one upload, ASCII only: `<folder>/<time>-<random>.<extension>`. */
export function cloudPathOf(folder: string, file: LocalFile, now: number = Date.now()): string {
  const extension = extensionOf(file.name) || 'bin';
  return `${folder.replace(/^\/+|\/+$/g, '')}/${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}.${extension}`;
}

/** Uploads one file; answers its fileID. Never throws. */
export async function uploadFile(file: LocalFile, cloudPath: string, maxBytes: number, tooLarge: string): Promise<ActionResult<{ fileID: string }>> {
  if (file.size > maxBytes) return failure('PAYLOAD_TOO_LARGE', tooLarge);
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
      return res.fileID ? { ok: true, data: { fileID: res.fileID } } : failure('INTERNAL', '上传失败，请重试');
    } catch {
      return failure('INTERNAL', '上传失败，请检查网络后重试');
    }
  }
  let blob: Blob;
  try {
    blob = await (await fetch(file.path)).blob();
  } catch {
    return failure('INTERNAL', '无法读取文件，请重新选择');
  }
  if (blob.size > maxBytes) return failure('PAYLOAD_TOO_LARGE', tooLarge);
  try {
    const res = await fetch('/api/upload', { method: 'POST', headers: { 'content-type': contentTypeOf(file), 'x-cloud-path': cloudPath }, credentials: 'same-origin', body: blob });
    if (res.status === 415) return failure('INVALID_INPUT', '服务器暂不接受这种文件类型');
    const result = toActionResult<{ fileID: unknown }>(await res.json());
    if (!result.ok) return result;
    return typeof result.data.fileID === 'string' ? { ok: true, data: { fileID: result.data.fileID } } : failure('INTERNAL', '上传失败，请重试');
  } catch {
    return failure('INTERNAL', networkFailureMessage);
  }
}

/** Opens a downloaded file: h5 follows the link; weapp downloads it and opens the document viewer. */
export async function openDownload(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: extensionOf(fileName) as 'xlsx', showMenu: true });
    return;
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
