/**
 * Temporary file links are told to people as valid for 24 hours ("24 小时有效"). Attack (by accident):
 * restart the local cloud, and every link given out so far stops working. The signing key lives in
 * the data folder, is random, and cannot itself be reached through storage.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wxServerSdk } from '../../localcloud/sdk';
import { raw, startLocal } from './httpHarness';

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function linkOf(fileID: string): Promise<string> {
  const { fileList } = (await wxServerSdk().getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  const url = new URL(fileList[0]!.tempFileURL);
  return url.pathname + url.search;
}

describe('the signing key of temporary links', () => {
  it('is kept in the data folder: a link signed before a restart still opens after it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongjian-signing-'));
    const first = await startLocal({ dataDir, seed: false });
    let link: string;
    try {
      const { fileID } = (await wxServerSdk().uploadFile({ cloudPath: 'exports/a.png', fileContent: png })) as { fileID: string };
      link = await linkOf(fileID);
      expect((await raw(first.port, { path: link })).status).toBe(200);
    } finally {
      first.close();
    }
    const second = await startLocal({ dataDir, seed: false });
    try {
      const response = await raw(second.port, { path: link });
      expect(response.status).toBe(200);
      expect(response.body).toEqual(png);
      const tampered = await raw(second.port, { path: link.replace(/s=[0-9a-f]+/, 's=0123456789abcdef0123456789abcdef') });
      expect(tampered.status).toBe(404);
    } finally {
      second.close();
    }
  });

  it('cannot itself be read, signed or overwritten through storage', async () => {
    const local = await startLocal({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'gongjian-signing-')), seed: false });
    const sdk = wxServerSdk();
    const { fileList } = (await sdk.getTempFileURL({ fileList: ['cloud://local.local-bucket/.signing-key'] })) as { fileList: Array<{ status: number }> };
    expect(fileList[0]!.status).not.toBe(0);
    await expect(sdk.downloadFile({ fileID: 'cloud://local.local-bucket/.signing-key' })).rejects.toBeDefined();
    await expect(sdk.uploadFile({ cloudPath: '.signing-key', fileContent: Buffer.from('x') })).rejects.toBeDefined();
    local.close();
  });
});
