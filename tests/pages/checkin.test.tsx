import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import CheckInPage from '../../src/pages/checkin/index';
import { aCheckIn } from './builders';
import { jsonResponse, mockActions, ok, taro, taroApi, taroControls } from './helpers';

const pairingId = 'pairing-2026-001';
const here = { latitude: 22.7235, longitude: 114.2501, accuracy: 480, errMsg: 'getLocation:ok' };

describe('check-in page', () => {
  beforeEach(() => taroControls.__setRouterParams({ pairing: pairingId, org: '深圳华星光电科技有限公司' }));

  it('checks in with one tap and shows flags as notes for review, not as a failure', async () => {
    taroApi.getLocation.mockResolvedValueOnce(here);
    const { inputsOf } = mockActions({
      'records.checkIn': () => ok({ checkIn: aCheckIn({ distanceMetres: 860, accuracyMetres: 480, flags: ['outsideGeofence', 'poorAccuracy'] }) }),
    });
    render(<CheckInPage />);
    expect(screen.getByText('到访 深圳华星光电科技有限公司')).toBeTruthy();
    fireEvent.click(screen.getByText('签到'));

    expect(await screen.findByText('已签到')).toBeTruthy();
    expect(taroApi.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84', isHighAccuracy: true }));
    expect(inputsOf('records.checkIn')).toEqual([{ pairingId, latitude: here.latitude, longitude: here.longitude, accuracy: 480 }]);
    expect(screen.getByText('签到时间：2026年3月5日 14:30')).toBeTruthy();
    expect(screen.getByText('距离组织：约 860 米')).toBeTruthy();

    const notes = document.getElementById('checkin-review-notes')!;
    expect(notes.textContent).toContain('供核对的提示（不影响签到）');
    expect(notes.textContent).toContain('不在组织附近');
    expect(notes.textContent).toContain('定位精度较差');
    // Nothing reads as a failure: no error box, no "failed" wording, and writing the record is offered.
    expect(document.querySelector('.notice--error')).toBeNull();
    expect(document.body.textContent).not.toMatch(/失败|没有成功|出错/);
    expect(document.getElementById('checked-in')!.className).toContain('calm-state--success');

    fireEvent.click(screen.getByText('写访问记录'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/pages-work/record-edit/index?pairing=${pairingId}&kind=monthlyVisit&checkIn=checkin-1` });
  });

  it('explains a refused location and offers to write the record without checking in', async () => {
    taroApi.getLocation.mockRejectedValueOnce({ errMsg: 'User denied Geolocation' });
    const { inputsOf } = mockActions({});
    render(<CheckInPage />);
    fireEvent.click(screen.getByText('签到'));
    expect(await screen.findByText('没有获得位置权限')).toBeTruthy();
    expect(screen.getByText(/签到只是到访的佐证，不是必须的/)).toBeTruthy();
    expect(screen.getByText('重试签到')).toBeTruthy();
    expect(inputsOf('records.checkIn')).toHaveLength(0);

    fireEvent.click(screen.getByText('不签到，直接写记录'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/pages-work/record-edit/index?pairing=${pairingId}&kind=monthlyVisit` });
  });

  it('adds an optional photo, uploaded over /api/upload in h5, and passes it to the record', async () => {
    taroApi.getLocation.mockResolvedValueOnce({ ...here, accuracy: 20 });
    taroApi.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'blob:http://local/photo-1', size: 200_000, fileType: 'image/jpeg' }], type: 'image' });
    const blob = new Blob(['jpeg'], { type: 'image/jpeg' });
    const { fetch } = mockActions(
      { 'records.checkIn': () => ok({ checkIn: aCheckIn() }) },
      {
        'blob:http://local/photo-1': () => ({ ok: true, status: 200, blob: () => Promise.resolve(blob) }) as unknown as Response,
        '/api/upload': () => jsonResponse(ok({ fileID: 'cloud://local.local-bucket/checkins/p/photo.jpg' })),
      },
    );
    render(<CheckInPage />);
    fireEvent.click(screen.getByText('签到'));
    fireEvent.click(await screen.findByText('拍照留证（可选）'));
    expect(await screen.findByText('现场照片已上传，将附在访问记录中。')).toBeTruthy();

    const upload = fetch.mock.calls.find(([url]) => url === '/api/upload')!;
    const headers = upload[1]!.headers as Record<string, string>;
    expect(upload[1]!.method).toBe('POST');
    expect(upload[1]!.credentials).toBe('same-origin');
    expect(headers['content-type']).toBe('image/jpeg');
    expect(headers['x-cloud-path']).toMatch(new RegExp(`^checkins/${pairingId}/[\\w-]+\\.jpg$`));

    fireEvent.click(screen.getByText('写访问记录'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: `/pages-work/record-edit/index?pairing=${pairingId}&kind=monthlyVisit&checkIn=checkin-1&photo=${encodeURIComponent('cloud://local.local-bucket/checkins/p/photo.jpg')}`,
    });
  });

  it('refuses a photo over 5 MB before uploading, in Chinese', async () => {
    taroApi.getLocation.mockResolvedValueOnce(here);
    taroApi.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'blob:http://local/big', size: 6 * 1024 * 1024, fileType: 'image/jpeg' }], type: 'image' });
    const { fetch } = mockActions({ 'records.checkIn': () => ok({ checkIn: aCheckIn() }) });
    render(<CheckInPage />);
    fireEvent.click(screen.getByText('签到'));
    fireEvent.click(await screen.findByText('拍照留证（可选）'));
    expect(await screen.findByText('照片不能超过 5 MB，请重新拍摄或选择较小的照片')).toBeTruthy();
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => url === '/api/upload' || url.startsWith('blob:'))).toBe(false));
  });
});
