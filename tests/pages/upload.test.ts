import { cloudPathFor, uploadImage } from '../../src/client/photos';
import { jsonResponse, mockFetch, taroApi } from './helpers';

describe('photo upload', () => {
  it('uploads through wx.cloud in weapp into the person’s own folder and answers the fileID', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      taroApi.cloud.callFunction.mockResolvedValueOnce({ result: { ok: true, data: { person: { id: 'person-liming', name: '李明', grants: [] } } } });
      taroApi.cloud.uploadFile.mockResolvedValueOnce({ fileID: 'cloud://env.bucket/uploads/person-liming/records/a.jpg', statusCode: 200 });
      const result = await uploadImage({ path: 'wxfile://tmp_1.jpg', size: 1000 }, 'records/a.jpg');
      expect(result).toEqual({ ok: true, data: { fileID: 'cloud://env.bucket/uploads/person-liming/records/a.jpg' } });
      expect(taroApi.cloud.uploadFile).toHaveBeenCalledWith({ cloudPath: 'uploads/person-liming/records/a.jpg', filePath: 'wxfile://tmp_1.jpg' });
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('passes on the server error envelope in h5', async () => {
    mockFetch({
      'blob:x': () => ({ ok: true, status: 200, blob: () => Promise.resolve(new Blob(['x'], { type: 'image/png' })) }) as unknown as Response,
      '/api/upload': () => jsonResponse({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大' } }, 413),
    });
    expect(await uploadImage({ path: 'blob:x', size: 1 }, 'a/b.png')).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大' } });
  });

  it('shows the local server’s own Chinese refusal of a file type (415) or of the quota (413)', async () => {
    const refusal = '只能上传照片（JPEG、PNG、WebP、GIF 或 HEIC）';
    mockFetch({
      'blob:x': () => ({ ok: true, status: 200, blob: () => Promise.resolve(new Blob(['<html>'], { type: 'image/png' })) }) as unknown as Response,
      '/api/upload': () => jsonResponse({ ok: false, error: { code: 'INVALID_INPUT', message: refusal } }, 415),
    });
    expect(await uploadImage({ path: 'blob:x', size: 1 }, 'records/b.png')).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: refusal } });
    mockFetch({
      'blob:x': () => ({ ok: true, status: 200, blob: () => Promise.resolve(new Blob(['x'], { type: 'image/png' })) }) as unknown as Response,
      '/api/upload': () => jsonResponse({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '您上传的文件总量已达上限（200 MB）' } }, 413),
    });
    expect(await uploadImage({ path: 'blob:x', size: 1 }, 'records/b.png')).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '您上传的文件总量已达上限（200 MB）' } });
  });

  it('words a refusal without a body by its status, in Chinese', async () => {
    mockFetch({
      'blob:x': () => ({ ok: true, status: 200, blob: () => Promise.resolve(new Blob(['x'], { type: 'image/png' })) }) as unknown as Response,
      '/api/upload': () => ({ ok: false, status: 401, json: () => Promise.reject(new Error('no body')) }) as unknown as Response,
    });
    expect(await uploadImage({ path: 'blob:x', size: 1 }, 'records/b.png')).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/重新登录/) } });
  });

  it('makes cloud paths under the folder with the image type as extension', () => {
    expect(cloudPathFor('/records/p1/k1/', { path: 'blob:x', size: 1, type: 'image/png' }, 0)).toMatch(/^records\/p1\/k1\/0-[a-z0-9]+\.png$/);
    expect(cloudPathFor('checkins/p1', { path: 'wxfile://tmp_9.jpeg', size: 1 }, 0)).toMatch(/\.jpeg$/);
  });
});
