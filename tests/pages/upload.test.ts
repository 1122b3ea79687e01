import { cloudPathFor, uploadImage } from '../../src/client/photos';
import { jsonResponse, mockFetch, taroApi } from './helpers';

describe('photo upload', () => {
  it('uploads through wx.cloud in weapp and answers the fileID', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      taroApi.cloud.uploadFile.mockResolvedValueOnce({ fileID: 'cloud://env.bucket/records/a.jpg', statusCode: 200 });
      const result = await uploadImage({ path: 'wxfile://tmp_1.jpg', size: 1000 }, 'records/a.jpg');
      expect(result).toEqual({ ok: true, data: { fileID: 'cloud://env.bucket/records/a.jpg' } });
      expect(taroApi.cloud.uploadFile).toHaveBeenCalledWith({ cloudPath: 'records/a.jpg', filePath: 'wxfile://tmp_1.jpg' });
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

  it('makes cloud paths under the folder with the image type as extension', () => {
    expect(cloudPathFor('/records/p1/k1/', { path: 'blob:x', size: 1, type: 'image/png' }, 0)).toMatch(/^records\/p1\/k1\/0-[a-z0-9]+\.png$/);
    expect(cloudPathFor('checkins/p1', { path: 'wxfile://tmp_9.jpeg', size: 1 }, 0)).toMatch(/\.jpeg$/);
  });
});
