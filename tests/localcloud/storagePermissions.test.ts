/**
 * Cloud storage's "仅创建者可写": a person's upload may be overwritten or deleted only by that person;
 * cloud functions (no uploader) act as administrator, as in WeChat.
 */
import fs from 'node:fs';
import { LocalCloudError } from '../../localcloud/functions';
import { LocalStorage } from '../../localcloud/storage';
import { tempDir } from './helpers';

const PERMISSION_DENIED = -503002;

describe('cloud storage: only the uploader may write', () => {
  let root: string;
  let storage: LocalStorage;
  const open = () => new LocalStorage(root, 'local', () => 'http://127.0.0.1');
  const text = (fileID: string) => storage.download(fileID).fileContent.toString('utf8');

  beforeEach(() => {
    root = tempDir();
    storage = open();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function refusal(run: () => unknown): LocalCloudError {
    try {
      run();
    } catch (error) {
      if (error instanceof LocalCloudError) return error;
      throw error;
    }
    throw new Error('expected the storage to refuse');
  }

  it('another person cannot overwrite an upload; the uploader can', () => {
    const { fileID } = storage.upload('photos/a.jpg', Buffer.from('ann-1'), 'ann');
    const error = refusal(() => storage.upload('photos/a.jpg', Buffer.from('ben'), 'ben'));
    expect(error.errCode).toBe(PERMISSION_DENIED);
    expect(error.errMsg).toBe(`uploadFile:fail storage permission denied: only the uploader may overwrite ${fileID}`);
    expect(text(fileID)).toBe('ann-1');
    storage.upload('photos/a.jpg', Buffer.from('ann-2'), 'ann');
    expect(text(fileID)).toBe('ann-2');
  });

  it('another person cannot delete an upload; the uploader can, and then anyone may use the path', () => {
    const { fileID } = storage.upload('docs/plan.pdf', Buffer.from('x'), 'ann');
    expect(storage.remove([fileID], 'ben').fileList).toEqual([{ fileID, status: PERMISSION_DENIED, errMsg: 'storage permission denied: only the uploader may delete it' }]);
    expect(text(fileID)).toBe('x');
    expect(storage.remove([fileID], 'ann').fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
    storage.upload('docs/plan.pdf', Buffer.from('ben'), 'ben');
    expect(text(fileID)).toBe('ben');
  });

  it('a cloud function overwrites and deletes anything; a person cannot overwrite what a function stored', () => {
    const { fileID } = storage.upload('qr/s1.png', Buffer.from('fn'));
    expect(refusal(() => storage.upload('qr/s1.png', Buffer.from('ann'), 'ann')).errCode).toBe(PERMISSION_DENIED);
    storage.upload('photos/b.jpg', Buffer.from('ann'), 'ann');
    storage.upload('photos/b.jpg', Buffer.from('fn'));
    expect(text(storage.upload('photos/b.jpg', Buffer.from('ann-again'), 'ann').fileID)).toBe('ann-again');
    expect(storage.remove([fileID]).fileList[0]?.status).toBe(0);
  });

  it('who uploaded a file survives a restart, and no cloud path can name the record of it', () => {
    const { fileID } = storage.upload('photos/c.jpg', Buffer.from('ann'), 'ann');
    storage = open();
    expect(refusal(() => storage.upload('photos/c.jpg', Buffer.from('ben'), 'ben')).errCode).toBe(PERMISSION_DENIED);
    expect(text(fileID)).toBe('ann');
    expect(refusal(() => storage.upload('.owners.json', Buffer.from('{}'), 'ben')).errCode).toBe(-503001);
  });
});
