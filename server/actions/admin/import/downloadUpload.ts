import { MAX_IMPORT_BYTES } from '../../../../src/domain/admin/tableFormat';
import type { WxCloud } from '../../../runtime/cloud';
import { fail } from '../../../runtime/failure';

/** The uploaded file's bytes from cloud storage; refuses a missing file and one over 10 MB. */
export async function downloadUpload(cloud: WxCloud, fileId: string): Promise<Buffer> {
  let content: Buffer;
  try {
    const result = (await cloud.downloadFile({ fileID: fileId })) as { fileContent: Buffer };
    content = Buffer.from(result.fileContent);
  } catch (error) {
    fail('NOT_FOUND', `download of ${fileId} failed: ${String((error as Error).message ?? error)}`, { field: 'fileId', userMessage: '找不到上传的文件，请重新上传' });
  }
  if (content.length > MAX_IMPORT_BYTES) {
    fail('PAYLOAD_TOO_LARGE', `file of ${content.length} bytes`, { field: 'fileId', userMessage: `文件太大（${(content.length / 1024 / 1024).toFixed(1)} MB），不能超过 10 MB：请删去无关的工作表或分成几个文件` });
  }
  return content;
}
