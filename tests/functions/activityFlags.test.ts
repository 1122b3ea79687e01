import { wxServerSdk } from '../../localcloud/sdk';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { moveTo } from '../support/clock';
import { dumpDatabase } from '../support/databaseDump';
import { dataOf, useTestCloudAt } from '../support/testCloud';

/**
 * A venue code forwarded into a group chat is accepted for seconds, as the rotation allows; the scan is
 * then judged against where the organiser's phone showed the code, and flagged — never refused. Only
 * the distance is kept, and only the organiser and the offices see it.
 */
const cloud = useTestCloudAt(chinaInstant(2026, 11, 2, 9));

// 华星光电's party room, and points about 110 m and about 31 km from it (30.7 km great-circle).
const venue = { latitude: 22.7201, longitude: 113.8285, accuracy: 15 };
const nearby = { latitude: 22.7211, longitude: 113.8285, accuracy: 20 };
const elsewhere = { latitude: 22.5431, longitude: 114.0579, accuracy: 20 };

async function postedToday(): Promise<string> {
  const t = cloud();
  const pairingId = t.district.pairings[0]!._id;
  moveTo(chinaInstant(2026, 11, 2, 9));
  const posted = dataOf(await t.call('demo-liming', 'activities.post', { pairingId, title: '联合主题党日', date: '2026-11-12', startTime: '14:30', place: '华星光电党群活动室', agenda: '重温入党誓词；座谈交流' }));
  moveTo(chinaInstant(2026, 11, 12, 14, 30, 1));
  return posted.activity.id;
}

async function attendanceStored(activityId: string): Promise<Array<Record<string, unknown>>> {
  const found = (await wxServerSdk().database().collection('activities').where({ _id: activityId }).get()) as { data: Array<Record<string, unknown>> };
  return found.data[0]!['attendance'] as Array<Record<string, unknown>>;
}

describe('venue check-in review flags (现场签到核查)', () => {
  it('flags a scan far from where the code was shown, keeps only the distance, and shows it to the organiser and the office only', async () => {
    const t = cloud();
    const activityId = await postedToday();
    const shown = dataOf(await t.call('demo-liming', 'activities.venueCode', { activityId, position: venue }));
    // The organiser's phone moving later (a refresh from elsewhere) does not move the venue.
    dataOf(await t.call('demo-liming', 'activities.venueCode', { activityId, position: elsewhere }));

    dataOf(await t.call('demo-wangfang', 'activities.attend', { activityId, code: shown.code, position: nearby }));
    // The code forwarded into a chat: scanned 30.7 km away within its ten seconds — counted, and flagged.
    const forwarded = dataOf(await t.call('demo-zhaojun', 'activities.attend', { activityId, code: shown.code, position: elsewhere }));
    expect(forwarded.alreadyCheckedIn).toBe(false);
    // Location is optional: a scan without it is neither refused nor flagged.
    dataOf(await t.call('demo-liming', 'activities.attend', { activityId, code: shown.code }));

    const organiser = dataOf(await t.call('demo-liming', 'activities.get', { activityId })).activity;
    expect(organiser.attendance.map((entry) => [entry.name, entry.review])).toEqual([
      ['王芳', { flags: [], distance: '约 110 米' }],
      [expect.any(String), { flags: ['扫码位置远离活动现场'], distance: '约 30.7 公里' }],
      ['李明', { flags: [], distance: null }],
    ]);
    const office = dataOf(await t.call('demo-sunli', 'activities.get', { activityId })).activity;
    expect(office.attendance[1]!.review).toEqual({ flags: ['扫码位置远离活动现场'], distance: '约 30.7 公里' });

    // The org side sees who came, not the review.
    const leader = dataOf(await t.call('demo-wangfang', 'activities.get', { activityId })).activity;
    expect(leader.attendance.every((entry) => entry.review === undefined)).toBe(true);

    // Nobody's position is kept or answered: only the distance.
    const stored = await attendanceStored(activityId);
    expect(stored.map((entry) => [entry['distanceMetres'], entry['flags']])).toEqual([
      [expect.any(Number), []],
      [expect.any(Number), ['farFromVenue']],
      [null, []],
    ]);
    for (const answer of [organiser, office, leader, stored]) expect(JSON.stringify(answer)).not.toMatch(/latitude|longitude|22\.54|114\.05/);
  });

  it('accepts a code scanned long after it was shown (forwarded into a group chat) and flags it, never refuses it; a code from over half an hour ago asks for a fresh scan', async () => {
    const t = cloud();
    const activityId = await postedToday(); // 14:30:01: the code of the window from 14:30:00
    const shown = dataOf(await t.call('demo-liming', 'activities.venueCode', { activityId, position: venue }));
    // A minute later on a slow network: accepted, not late.
    moveTo(chinaInstant(2026, 11, 12, 14, 31, 0));
    dataOf(await t.call('demo-wangfang', 'activities.attend', { activityId, code: shown.code, position: nearby }));
    // Twelve minutes later, from the chat: counted and flagged, even near the venue.
    moveTo(chinaInstant(2026, 11, 12, 14, 42, 0));
    const late = dataOf(await t.call('demo-zhaojun', 'activities.attend', { activityId, code: shown.code, position: nearby }));
    expect(late.alreadyCheckedIn).toBe(false);

    const organiser = dataOf(await t.call('demo-liming', 'activities.get', { activityId })).activity;
    expect(organiser.attendance.map((entry) => entry.review)).toEqual([
      { flags: [], distance: '约 110 米' },
      { flags: ['扫码时间远晚于签到码出示'], distance: '约 110 米', late: '出示约 12 分钟后扫码' },
    ]);
    const office = dataOf(await t.call('demo-sunli', 'activities.get', { activityId })).activity;
    expect(office.attendance[1]!.review).toEqual({ flags: ['扫码时间远晚于签到码出示'], distance: '约 110 米', late: '出示约 12 分钟后扫码' });
    const leader = dataOf(await t.call('demo-wangfang', 'activities.get', { activityId })).activity;
    expect(leader.attendance.every((entry) => entry.review === undefined)).toBe(true);
    expect((await attendanceStored(activityId)).map((entry) => [entry['flags'], entry['codeAgeSeconds']])).toEqual([
      [[], 60],
      [['scannedLate'], 720],
    ]);

    // Past the half hour the code is from an earlier part of the day: a fresh scan is asked for, nothing written.
    moveTo(chinaInstant(2026, 11, 12, 15, 0, 10));
    const before = dumpDatabase(t.cloud);
    expect(await t.call('demo-liming', 'activities.attend', { activityId, code: shown.code })).toMatchObject({ ok: false, error: { code: 'EXPIRED', field: 'code', message: '签到码已更新，请重新扫描组织者手机上的二维码' } });
    expect(dumpDatabase(t.cloud)).toBe(before);
    const fresh = dataOf(await t.call('demo-liming', 'activities.venueCode', { activityId }));
    dataOf(await t.call('demo-liming', 'activities.attend', { activityId, code: fresh.code }));
    expect((await attendanceStored(activityId))[2]).toMatchObject({ flags: [], codeAgeSeconds: 0 });
  });

  it('does not flag when the organiser gave no position: nothing to judge against', async () => {
    const t = cloud();
    const activityId = await postedToday();
    const shown = dataOf(await t.call('demo-liming', 'activities.venueCode', { activityId }));
    dataOf(await t.call('demo-wangfang', 'activities.attend', { activityId, code: shown.code, position: elsewhere }));
    const organiser = dataOf(await t.call('demo-liming', 'activities.get', { activityId })).activity;
    expect(organiser.attendance[0]!.review).toEqual({ flags: [], distance: null });
  });
});
