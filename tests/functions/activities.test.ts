import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';

let t: TestCloud;
let pairingId: string;
beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 2, 9));
  t = await openTestCloud();
  pairingId = t.district.pairings[0]!._id;
});
afterAll(() => {
  t.close();
  restoreClock();
});

const plan = (date = '2026-11-12') => ({ pairingId, title: '联合主题党日', date, startTime: '14:30', place: '华星光电党群活动室', agenda: '重温入党誓词；座谈交流；参观生产线' });

describe('quarterly joint activities (一季一活动)', () => {
  it('are posted ahead by the unit side and seen by both sides, not by other pairings', async () => {
    const posted = await t.call('demo-liming', 'activities.post', plan());
    expect(posted).toMatchObject({ ok: true, data: { activity: { title: '联合主题党日', organiser: true, attendance: [], recordId: null } } });
    const leaderView = await t.call('demo-wangfang', 'activities.list', {});
    expect(leaderView.ok && leaderView.data.items.map((item) => [item.title, item.organiser])).toEqual([['联合主题党日', false]]);
    const other = await t.call('demo-chenjing', 'activities.list', {});
    expect(other.ok && other.data.items).toEqual([]);
    expect(JSON.stringify(posted)).not.toMatch(/secret/);
  });

  it('answer, with the list, the pairings the caller may post for: the unit side’s, nobody else’s; each posts', async () => {
    const postable = async (openid: string) => {
      const listed = await t.call(openid, 'activities.list', {});
      if (!listed.ok) throw new Error(listed.error.message);
      return listed.data.postable;
    };
    const mine = await postable('demo-liming');
    expect(mine).toEqual([{ pairingId, unitName: t.district.pairings[0]!.unitName, orgName: t.district.pairings[0]!.orgName }]);
    expect(await postable('demo-zhaojun')).toEqual(mine);
    expect((await postable('demo-chenjing')).map((pairing) => pairing.pairingId)).toEqual([t.district.pairings[1]!._id]);
    for (const openid of ['demo-wangfang', 'demo-sunli', 'demo-zhoutao']) expect(await postable(openid)).toEqual([]);
    // Every pairing offered is one activities.post accepts.
    expect(await t.call('demo-chenjing', 'activities.post', { ...plan(), pairingId: t.district.pairings[1]!._id })).toMatchObject({ ok: true });
  });

  it('refuses a past date, a leader posting, and a bad time with clear messages', async () => {
    expect(await t.call('demo-liming', 'activities.post', plan('2026-11-01'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'date', message: '发布的活动日期不能早于今天；已开展的活动请直接写记录' } });
    expect(await t.call('demo-wangfang', 'activities.post', plan())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('demo-liming', 'activities.post', { ...plan(), startTime: '25:00' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'startTime', message: '时间格式应为 HH:mm' } });
  });

  // Makes a real QR image (the local cloud's wxacode): a PNG takes seconds inside jest on a loaded machine.
  it('takes attendance at the venue on the day with a code that changes every ten seconds', async () => {
    const posted = await t.call('demo-liming', 'activities.post', plan('2026-11-12'));
    if (!posted.ok) throw new Error(posted.error.message);
    const activityId = posted.data.activity.id;
    expect(await t.call('demo-liming', 'activities.venueCode', { activityId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '现场签到只在活动当天（2026-11-12）开放' } });

    moveTo(chinaInstant(2026, 11, 12, 14, 30, 1));
    const shown = await t.call('demo-liming', 'activities.venueCode', { activityId, withQrImage: true });
    if (!shown.ok) throw new Error(shown.error.message);
    expect(shown.data).toMatchObject({ code: expect.stringMatching(/^[A-Z2-7]{6}$/), path: `pages/attend/index?scene=${activityId}.${shown.data.code}`, secondsLeft: 9, qrImage: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(await t.call('demo-wangfang', 'activities.venueCode', { activityId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const leader = await t.call('demo-wangfang', 'activities.attend', { activityId, code: shown.data.code });
    expect(leader).toMatchObject({ ok: true, data: { alreadyCheckedIn: false, activity: { attendance: [{ name: '王芳', side: 'org' }] } } });
    moveTo(chinaInstant(2026, 11, 12, 14, 30, 12));
    const worker = await t.call('demo-liming', 'activities.attend', { activityId, code: shown.data.code });
    expect(worker).toMatchObject({ ok: true, data: { activity: { attendance: [{ name: '王芳' }, { name: '李明', side: 'unit' }] } } });
    const twice = await t.call('demo-wangfang', 'activities.attend', { activityId, code: shown.data.code });
    expect(twice).toMatchObject({ ok: true, data: { alreadyCheckedIn: true } });
    expect(twice.ok && twice.data.activity.attendance).toHaveLength(2);

    // A code is accepted for half an hour after it was shown (late scans are flagged, activityFlags.test.ts); then a fresh scan is asked for.
    moveTo(chinaInstant(2026, 11, 12, 15, 0, 10));
    expect(await t.call('demo-zhaojun', 'activities.attend', { activityId, code: shown.data.code })).toMatchObject({ ok: false, error: { code: 'EXPIRED', field: 'code' } });
    expect(await t.call('demo-chenjing', 'activities.attend', { activityId, code: shown.data.code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const record = await t.call('demo-liming', 'records.save', { ...visitRecord(pairingId, '2026-11-12', { kind: 'quarterlyActivity' }), activityId });
    expect(record).toMatchObject({ ok: true, data: { record: { activityId, kind: 'quarterlyActivity' } } });
    const after = await t.call('demo-liming', 'activities.get', { activityId });
    expect(after.ok && after.data.activity.recordId).toBe(record.ok ? record.data.record.id : 'missing');
  });
});
