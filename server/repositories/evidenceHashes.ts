import { createHash } from 'node:crypto';
import { spotKey } from '../../src/domain/records/reviewFlags';
import type { WxCloud } from '../runtime/cloud';

const sha256 = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

/** The hash of where a check-in was made, to the metre: the same spot on several days is found by it, the coordinates are not repeated. */
export function spotHashOf(point: { readonly latitude: number; readonly longitude: number }): string {
  return sha256(`spot:${spotKey(point)}`);
}

/**
 * SHA-256 of stored files' bytes, read from cloud storage (never a hash the phone sends): a photo
 * uploaded again for another record is the same content under a new fileId. A file that cannot be
 * read is left out (the save goes on; nothing to compare it with). Storage reads, no database requests.
 */
export async function fileHashesOf(cloud: WxCloud, fileIds: readonly string[]): Promise<string[]> {
  const hashes = await Promise.all(
    [...new Set(fileIds)].map(async (fileId) => {
      try {
        const result = (await cloud.downloadFile({ fileID: fileId })) as { fileContent: Buffer };
        return sha256(Buffer.from(result.fileContent));
      } catch {
        return null;
      }
    }),
  );
  return [...new Set(hashes.filter((hash): hash is string => hash !== null))];
}
