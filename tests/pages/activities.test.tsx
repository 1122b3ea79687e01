import { act, fireEvent, render, screen } from '@testing-library/react';
import { useDidShow } from '@tarojs/taro';
import ActivitiesPage from '../../src/pages-more/activities/index';
import AttendPage, { parseVenueScene } from '../../src/pages/attend/index';
import { fail, mockActions, ok, taroApi, taroControls } from './helpers';

const activity = (overrides: Record<string, unknown> = {}) => ({
  id: 'act-1',
  pairingId: 'pairing-2026-001',
  unitName: '区发展和改革局',
  orgName: '深圳华星光电科技有限公司',
  title: '联合主题党日',
  date: '2026-12-03',
  startTime: '14:30',
  place: '党群活动室',
  agenda: '重温入党誓词',
  organiserName: '李明',
  attendance: [{ name: '王芳', side: 'org', at: '2026-12-03T06:31:00.000Z' }],
  organiser: false,
  recordId: null,
  ...overrides,
});

describe('venue attendance (活动签到)', () => {
  it('reads the activity and the code from the scanned scene, and nothing else', () => {
    expect(parseVenueScene('abcDEF_123-x.ABC234')).toEqual({ activityId: 'abcDEF_123-x', code: 'ABC234' });
    expect(parseVenueScene('abc.abc234')).toBeUndefined();
    expect(parseVenueScene(undefined)).toBeUndefined();
  });

  it('checks the participant in with one scan and says so', async () => {
    taroControls.__setRouterParams({ scene: encodeURIComponent('act-1.ABC234') });
    const { inputsOf } = mockActions({ 'activities.attend': () => ok({ activity: activity(), alreadyCheckedIn: false }) });
    render(<AttendPage />);
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(screen.getByText(/已签到 1 人/)).toBeTruthy();
    expect(inputsOf('activities.attend')).toEqual([{ activityId: 'act-1', code: 'ABC234' }]);
  });

  it('sends where the phone is when it answers at once, and checks in without it when refused', async () => {
    taroControls.__setRouterParams({ scene: 'act-1.ABC234' });
    taroApi.getLocation.mockResolvedValueOnce({ latitude: 22.7211, longitude: 113.8285, accuracy: 20, errMsg: 'getLocation:ok' });
    const { inputsOf } = mockActions({ 'activities.attend': () => ok({ activity: activity(), alreadyCheckedIn: false }) });
    const first = render(<AttendPage />);
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(inputsOf('activities.attend')).toEqual([{ activityId: 'act-1', code: 'ABC234', position: { latitude: 22.7211, longitude: 113.8285, accuracy: 20 } }]);
    first.unmount();

    taroApi.getLocation.mockRejectedValueOnce({ errMsg: 'getLocation:fail auth deny' });
    render(<AttendPage />);
    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(inputsOf('activities.attend')[1]).toEqual({ activityId: 'act-1', code: 'ABC234' });
  });

  it('explains a code that has already changed, calmly', async () => {
    taroControls.__setRouterParams({ scene: 'act-1.ABC234' });
    mockActions({ 'activities.attend': () => fail('EXPIRED', '签到码已更新，请重新扫描组织者手机上的二维码') });
    render(<AttendPage />);
    expect(await screen.findByText('签到码已更新，请重新扫描组织者手机上的二维码')).toBeTruthy();
  });
});

describe('joint activities (联合活动)', () => {
  it('lets the organiser post one ahead and shows the venue code and the record to write', async () => {
    taroControls.__setRouterParams({});
    let posted = false;
    const { inputsOf, calls } = mockActions({
      'activities.list': () => ok({ items: posted ? [activity({ organiser: true })] : [], postable: [{ pairingId: 'pairing-2026-001', unitName: '区发展和改革局', orgName: '华星' }] }),
      'activities.post': () => {
        posted = true;
        return ok({ activity: activity({ organiser: true }) });
      },
    });
    render(<ActivitiesPage />);
    expect(await screen.findByText('还没有发布的联合活动')).toBeTruthy();
    // One call for the screen: the list says which pairing the caller may post for.
    expect(calls().map((call) => call.action)).toEqual(['activities.list']);
    fireEvent.click(await screen.findByText('发布活动'));
    expect(await screen.findByText('出示现场签到码')).toBeTruthy();
    expect(screen.getByText('写活动记录')).toBeTruthy();
    expect(inputsOf('activities.post')[0]).toMatchObject({ pairingId: 'pairing-2026-001', startTime: '14:30' });
  });

  it('shows the organiser which check-ins wait for review, and why', async () => {
    taroControls.__setRouterParams({});
    const flagged = [
      { name: '王芳', side: 'org', at: '2026-12-03T06:31:00.000Z', review: { flags: [], distance: '约 110 米' } },
      { name: '赵军', side: 'org', at: '2026-12-03T06:31:05.000Z', review: { flags: ['扫码位置远离活动现场'], distance: '约 30.7 公里' } },
      { name: '李明', side: 'unit', at: '2026-12-03T06:43:00.000Z', review: { flags: ['扫码时间远晚于签到码出示'], distance: null, late: '出示约 12 分钟后扫码' } },
    ];
    mockActions({
      'activities.list': () => ok({ items: [activity({ organiser: true, attendance: flagged })], postable: [] }),
    });
    render(<ActivitiesPage />);
    expect(await screen.findByText('2 人的签到待核查')).toBeTruthy();
    expect(screen.getByText('赵军：扫码位置远离活动现场（约 30.7 公里）')).toBeTruthy();
    expect(screen.getByText('李明：扫码时间远晚于签到码出示（出示约 12 分钟后扫码）')).toBeTruthy();
    expect(screen.queryByText(/王芳：/)).toBeNull();
  });

  it('reads the list again when the organiser comes back from the venue code', async () => {
    taroControls.__setRouterParams({});
    let attended = 0;
    const { inputsOf } = mockActions({
      'activities.list': () => ok({ items: [activity({ organiser: true, attendance: Array.from({ length: attended }, (_, index) => ({ name: `参加者${index}`, side: 'org', at: '2026-12-03T06:31:00.000Z' })) })], postable: [] }),
    });
    render(<ActivitiesPage />);
    expect(await screen.findByText(/已签到 0 人/)).toBeTruthy();
    const onShow = (useDidShow as jest.Mock).mock.calls.at(-1)![0] as () => void;
    act(() => onShow()); // the page's first show: its own load, nothing more
    expect(inputsOf('activities.list')).toHaveLength(1);
    attended = 2;
    act(() => onShow()); // back from the venue page
    expect(await screen.findByText(/已签到 2 人/)).toBeTruthy();
  });
});

describe('joint activities seen by an org leader', () => {
  it('shows the activities and no form to post one (only the unit side posts)', async () => {
    taroControls.__setRouterParams({});
    mockActions({ 'activities.list': () => ok({ items: [activity({ organiser: false })], postable: [] }) });
    render(<ActivitiesPage />);
    expect(await screen.findByText('联合主题党日')).toBeTruthy();
    expect(document.getElementById('post')).toBeNull();
    expect(screen.queryByText('发布活动')).toBeNull();
  });
});
