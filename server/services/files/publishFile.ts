import type { WxCloud } from '../../runtime/cloud';

/** A file put in cloud storage and the temporary link that opens it. */
export interface PublishedFile {
  readonly fileId: string;
  readonly url: string;
}

/**
 * Stores `content` at `cloudPath` (replacing what was there) and returns a temporary link valid for
 * `maxAgeSeconds`: an export, a QR code, anything a page shows or downloads by address instead of
 * carrying the bytes in a function's answer (WeChat's setData and answers stay small).
 */
export async function publishFile(cloud: WxCloud, cloudPath: string, content: Buffer, maxAgeSeconds: number): Promise<PublishedFile> {
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  const links = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })) as { fileList: Array<{ tempFileURL: string; status: number; errMsg?: string }> };
  const link = links.fileList[0];
  if (!link || link.status !== 0 || !link.tempFileURL) throw new Error(`getTempFileURL failed for ${cloudPath}: ${link?.errMsg ?? 'no answer'}`);
  return { fileId: fileID, url: link.tempFileURL };
}
