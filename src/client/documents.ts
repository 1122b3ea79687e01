import Taro from '@tarojs/taro';
import type { ActionResult } from '../contract/result';
import type { LocalFile } from './upload';
import { storagePath, uploadFile } from './upload';

/**
 * Documents (spreadsheets, PDFs, Word files, pictures sent as files) in both targets: picking one
 * (weapp: from a chat with `chooseMessageFile`; h5: the browser's file picker), uploading it to
 * cloud storage, and opening one the cloud made (weapp: the document viewer; h5: a download).
 */
export interface LocalDocument extends LocalFile {
  readonly name: string;
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
export function contentTypeOf(file: LocalDocument): string {
  return typesByExtension[extensionOf(file.name)] ?? file.type ?? 'application/octet-stream';
}

/** Asks for one file with one of these extensions; null when the person cancels. */
export async function pickDocument(extensions: readonly string[]): Promise<LocalDocument | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(extensions);
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] });
    const file = res.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch (error) {
    // Cancelling is an answer; a refusal (the privacy guide not agreed to, say) is told, not swallowed.
    const errMsg = String((error as { errMsg?: unknown } | null)?.errMsg ?? error);
    if (!/cancel/i.test(errMsg)) {
      console.warn(`[gongjian] chooseMessageFile failed: ${errMsg}`);
      void Taro.showToast({ title: '未能打开聊天文件，请稍后重试', icon: 'none', duration: 2500 }).catch(() => undefined);
    }
    return null;
  }
}

function pickInBrowser(extensions: readonly string[]): Promise<LocalDocument | null> {
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

/** What a document may weigh, and the sentence that says so when it is heavier. */
export interface DocumentLimit {
  readonly maxBytes: number;
  readonly tooLarge: string;
}

/** Uploads one document under `folder` (ASCII cloud path, the file's extension); answers its fileID. Never throws. */
export function uploadDocument(file: LocalDocument, folder: string, limit: DocumentLimit): Promise<ActionResult<{ fileID: string }>> {
  return uploadFile(file, storagePath(folder, extensionOf(file.name) || 'bin'), {
    ...limit,
    failed: '上传失败，请检查网络后重试',
    unreadable: '无法读取文件，请重新选择',
    contentType: () => contentTypeOf(file),
  });
}

/** Opens a file the cloud made: weapp downloads it and opens the document viewer (forward, print); h5 downloads it. */
export async function openDocument(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') return downloadInBrowser(url, fileName);
  // Downloaded under its own name (not WeChat's random temp name), so forwarding or saving it keeps 2026年度积分表（…）.xlsx.
  const named = `${Taro.env.USER_DATA_PATH}/${fileName.replace(/[\\/:*?"<>|]/g, '_')}`;
  const res = (await Taro.downloadFile({ url, filePath: named })) as { tempFilePath?: string; filePath?: string };
  await Taro.openDocument({ filePath: res.filePath ?? res.tempFilePath ?? named, fileType: (extensionOf(fileName) || 'xlsx') as 'xlsx', showMenu: true });
}

function downloadInBrowser(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
