import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';

const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
let t: TestCloud;
let pairingId: string;
let org: { latitude: number; longitude: number };

beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 20, 10));
  t = await openTestCloud();
  pairingId = t.district.pairings[0]!._id;
  const orgDoc = t.district.orgs.find((candidate) => candidate._id === t.district.pairings[0]!.orgId)!;
  org = orgDoc.location;
});
afterAll(() => {
  t.close();
  restoreClock();
});

async function submittedRecord(date = '2026-11-18') {
  const saved = await t.call(WORKER, 'records.save', visitRecord(pairingId, date));
  if (!saved.ok) throw new Error(saved.error.message);
  const submitted = await t.call(WORKER, 'records.submit', { recordId: saved.data.record.id, revision: 1 });
  if (!submitted.ok) throw new Error(submitted.error.message);
  return submitted.data;
}

describe('a visit, from the factory gate to the leader’s tap', () => {
  it('checks in, writes, submits, reaches the leader, is confirmed, and the month shows done', async () => {
    const before = await t.call(WORKER, 'records.home', {});
    expect(before.ok && before.data.pairings[0]!.cadence[0]).toMatchObject({ item: 'monthlyVisit', status: 'open', dueDate: '2026-11-30' });

    const checkIn = await t.call(WORKER, 'records.checkIn', { pairingId, latitude: org.latitude + 0.0005, longitude: org.longitude, accuracy: 20 });
    expect(checkIn).toMatchObject({ ok: true, data: { checkIn: { distanceMetres: 56, flags: [], accuracyMetres: 20, hasPhoto: false } } });
    if (!checkIn.ok) return;

    const saved = await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-20', { checkInId: checkIn.data.checkIn.id }));
    expect(saved).toMatchObject({ ok: true, data: { record: { state: 'draft', revision: 1, checkIn: { id: checkIn.data.checkIn.id }, authorName: '李明' } } });
    if (!saved.ok) return;

    const outboxBefore = t.cloud.outbox.list().length;
    const submitted = await t.call(WORKER, 'records.submit', { recordId: saved.data.record.id, revision: 1 });
    expect(submitted).toMatchObject({ ok: true, data: { record: { state: 'submitted' }, link: { path: expect.stringMatching(/^pages\/confirm\/index\?t=[\w-]{30}$/) } } });
    if (!submitted.ok) return;
    const messages = t.cloud.outbox.list();
    expect(messages.length).toBe(outboxBefore + 1);
    expect(messages[0]).toMatchObject({ touser: LEADER, page: submitted.data.link.path, data: { thing1: { value: '一月一到访' }, thing2: { value: '区发展和改革局' }, date3: { value: '2026-11-20' } } });

    const pending = await t.call(LEADER, 'records.pending', {});
    expect(pending.ok && pending.data.items.map((item) => item.id)).toContain(saved.data.record.id);

    const page = await t.call(LEADER, 'records.get', { token: submitted.data.link.token });
    expect(page).toMatchObject({ ok: true, data: { canConfirm: true, record: { id: saved.data.record.id } } });

    const confirmed = await t.call(LEADER, 'records.confirm', { token: submitted.data.link.token });
    expect(confirmed).toMatchObject({ ok: true, data: { record: { state: 'confirmed', confirmed: { by: '王芳' } } } });
    if (!confirmed.ok) return;
    expect(confirmed.data.record.history.map((entry) => entry.event)).toEqual(['create', 'submit', 'confirm']);

    const after = await t.call(WORKER, 'records.home', {});
    expect(after.ok && after.data.pairings[0]!.cadence[0]!.status).toBe('done');
  });

  it('answers a second confirmation that it is already done and changes nothing', async () => {
    const { link, record } = await submittedRecord();
    expect((await t.call(LEADER, 'records.confirm', { token: link.token })).ok).toBe(true);
    const again = await t.call(LEADER, 'records.confirm', { token: link.token });
    expect(again).toEqual({ ok: false, error: { code: 'ALREADY_DONE', message: '这条记录已经确认过了' } });
    const fromList = await t.call(LEADER, 'records.confirm', { recordId: record.id, revision: 1 });
    expect(fromList.ok ? null : fromList.error.code).toBe('ALREADY_DONE');
    const stored = await t.call(WORKER, 'records.get', { recordId: record.id });
    expect(stored.ok && stored.data.record.history.filter((entry) => entry.event === 'confirm')).toHaveLength(1);
  });

  it('tells the leader who opens a confirmed record again who confirmed it and when, not the page’s title a second time', async () => {
    const { link } = await submittedRecord();
    expect((await t.call(LEADER, 'records.confirm', { token: link.token })).ok).toBe(true);
    const reopened = await t.call(LEADER, 'records.get', { token: link.token });
    expect(reopened).toMatchObject({ ok: true, data: { canConfirm: false, record: { state: 'confirmed' } } });
    // The confirm page's title is 这条记录已经确认过了; the reason under it must add something.
    expect(reopened.ok && reopened.data.reason).toBe('王芳 已于 2026年11月20日 10:00 确认，无需再次确认。如内容有误，请联系结对单位发起修改。');
  });

  it('round-trips a dispute: disputed with a reason, revised, resubmitted with a new link, confirmed', async () => {
    const { link, record } = await submittedRecord();
    const disputed = await t.call(LEADER, 'records.dispute', { token: link.token, reason: '参加人数与实际不符' });
    expect(disputed).toMatchObject({ ok: true, data: { record: { state: 'disputed', dispute: { reason: '参加人数与实际不符', by: '王芳' } } } });

    const home = await t.call(WORKER, 'records.home', {});
    expect(home.ok && home.data.pairings[0]!.waitingOnMe.map((item) => item.id)).toContain(record.id);

    const revised = await t.call(WORKER, 'records.revise', { recordId: record.id });
    expect(revised).toMatchObject({ ok: true, data: { record: { state: 'revised', revision: 2 } } });
    const edited = await t.call(WORKER, 'records.save', { ...visitRecord(pairingId, '2026-11-18'), clientKey: record.id, participants: { unit: { count: 2, names: [] }, org: { count: 1, names: ['王芳'] } } });
    expect(edited.ok && edited.data.record.history.at(-1)).toMatchObject({ event: 'edit', revision: 2, changedFields: ['participants'] });

    const resubmitted = await t.call(WORKER, 'records.submit', { recordId: record.id, revision: 2 });
    if (!resubmitted.ok) throw new Error(resubmitted.error.message);
    expect(resubmitted.data.link.token).not.toBe(link.token);
    const stale = await t.call(LEADER, 'records.confirm', { token: link.token });
    expect(stale.ok ? null : stale.error.code).toBe('NOT_FOUND');
    const confirmed = await t.call(LEADER, 'records.confirm', { token: resubmitted.data.link.token });
    expect(confirmed).toMatchObject({ ok: true, data: { record: { state: 'confirmed', revision: 2 } } });
  });

  it('keeps a confirmed record locked: editing is refused, a correction is a new revision to confirm again', async () => {
    const { link, record } = await submittedRecord();
    await t.call(LEADER, 'records.confirm', { token: link.token });
    const countBefore = await t.count('records', { _id: record.id, state: 'confirmed' });
    const edit = await t.call(WORKER, 'records.save', { ...visitRecord(pairingId, '2026-11-18'), clientKey: record.id, content: '改写已确认的内容' });
    expect(edit).toEqual({ ok: false, error: { code: 'CONFLICT', message: '记录已确认并锁定；如需更正，请发起修改（新版本需重新确认）' } });
    expect(await t.count('records', { _id: record.id, state: 'confirmed', content: '改写已确认的内容' })).toBe(0);
    expect(countBefore).toBe(1);
    const corrected = await t.call(WORKER, 'records.revise', { recordId: record.id });
    expect(corrected).toMatchObject({ ok: true, data: { record: { state: 'revised', revision: 2 } } });
  });

  it('submits exactly once when the phone retries', async () => {
    const saved = await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-19'));
    if (!saved.ok) throw new Error(saved.error.message);
    const retriedSave = await t.call(WORKER, 'records.save', { ...visitRecord(pairingId, '2026-11-19'), clientKey: saved.data.record.id });
    expect(retriedSave.ok && retriedSave.data.record.id).toBe(saved.data.record.id);
    expect(await t.count('records', { _id: saved.data.record.id })).toBe(1);
    const outboxBefore = t.cloud.outbox.list().length;
    const [first, second] = await Promise.all([
      t.call(WORKER, 'records.submit', { recordId: saved.data.record.id, revision: 1 }),
      t.call(WORKER, 'records.submit', { recordId: saved.data.record.id, revision: 1 }),
    ]);
    expect(first.ok && second.ok && first.data.link.token === second.data.link.token).toBe(true);
    expect(t.cloud.outbox.list().length).toBe(outboxBefore + 1);
    const stored = await t.call(WORKER, 'records.get', { recordId: saved.data.record.id });
    expect(stored.ok && stored.data.record.history.filter((entry) => entry.event === 'submit')).toHaveLength(1);
  });

  it('refuses an expired link and a link used by someone who is not the org’s approved leader', async () => {
    const { link } = await submittedRecord();
    expect(await t.call('demo-liuyang', 'records.confirm', { token: link.token })).toMatchObject({ ok: false, error: { code: 'PENDING_APPROVAL' } });
    expect(await t.call(WORKER, 'records.confirm', { token: link.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    moveTo(chinaInstant(2026, 12, 5, 10));
    try {
      expect(await t.call(LEADER, 'records.confirm', { token: link.token })).toEqual({ ok: false, error: { code: 'EXPIRED', message: '确认链接已过期，请单位重新发送' } });
      expect(await t.count('records', { 'confirmToken.id': link.token, state: 'submitted' })).toBe(1);
    } finally {
      moveTo(chinaInstant(2026, 11, 20, 10));
    }
  });

  it('renews an expired link when the unit sends it again (重新发送): a new link that confirms, the expired one still refused', async () => {
    const { record, link } = await submittedRecord();
    moveTo(chinaInstant(2026, 12, 5, 10));
    try {
      const renewed = await t.call(WORKER, 'records.confirmLink', { recordId: record.id });
      expect(renewed).toMatchObject({ ok: true, data: { expiresAt: '2026-12-19T02:00:00.000Z' } });
      if (!renewed.ok) return;
      expect(renewed.data.token).not.toBe(link.token);
      expect(renewed.data.path).toBe(`pages/confirm/index?t=${encodeURIComponent(renewed.data.token)}`);
      // Sent again within its 14 days: the same renewed link, not another one.
      expect(await t.call(WORKER, 'records.confirmLink', { recordId: record.id })).toMatchObject({ ok: true, data: { token: renewed.data.token } });
      // The expired link is no longer the record's: refused, pointing to the latest link.
      expect(await t.call(LEADER, 'records.confirm', { token: link.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await t.call(LEADER, 'records.confirm', { token: renewed.data.token })).toMatchObject({ ok: true, data: { record: { state: 'confirmed' } } });
      // Used up: no link to renew any more.
      expect(await t.call(WORKER, 'records.confirmLink', { recordId: record.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      moveTo(chinaInstant(2026, 11, 20, 10));
    }
  });

  it('opens the record page in one call: the unit side gets its open link with the record, nobody else does, and a read never renews one', async () => {
    const { record, link } = await submittedRecord();
    const opened = await t.call(WORKER, 'records.get', { recordId: record.id });
    expect(opened).toMatchObject({ ok: true, data: { unitSide: true, link: { token: link.token, path: link.path, expiresAt: link.expiresAt } } });
    for (const other of [LEADER, 'demo-sunli']) {
      const seen = await t.call(other, 'records.get', { recordId: record.id });
      expect(seen).toMatchObject({ ok: true, data: { unitSide: false } });
      expect(seen.ok && 'link' in seen.data).toBe(false);
    }
    moveTo(chinaInstant(2026, 12, 5, 10));
    try {
      const expired = await t.call(WORKER, 'records.get', { recordId: record.id });
      expect(expired).toMatchObject({ ok: true, data: { unitSide: true } });
      expect(expired.ok && 'link' in expired.data).toBe(false);
      expect(await t.count('records', { _id: record.id, 'confirmToken.id': link.token })).toBe(1);
    } finally {
      moveTo(chinaInstant(2026, 11, 20, 10));
    }
    expect(await t.call(LEADER, 'records.confirm', { token: link.token })).toMatchObject({ ok: true });
    const confirmed = await t.call(WORKER, 'records.get', { recordId: record.id });
    expect(confirmed.ok && 'link' in confirmed.data).toBe(false);
  });

  it('accepts a check-in far away or with poor accuracy, and flags it for review', async () => {
    const far = await t.call(WORKER, 'records.checkIn', { pairingId, latitude: org.latitude + 0.01, longitude: org.longitude, accuracy: 800 });
    expect(far).toMatchObject({ ok: true, data: { checkIn: { flags: ['outsideGeofence', 'poorAccuracy'] } } });
    if (!far.ok) return;
    const saved = await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-20', { checkInId: far.data.checkIn.id }));
    expect(saved.ok && saved.data.record.checkIn?.flags).toEqual(['outsideGeofence', 'poorAccuracy']);
  });

  it('lets an office enter a paper record (补录) marked as such, and not a unit of another pairing', async () => {
    const paper = await t.call('demo-sunli', 'records.save', { ...visitRecord(pairingId, '2026-10-08'), paper: true });
    expect(paper).toMatchObject({ ok: true, data: { record: { paper: true, authorName: '孙丽', history: [{ note: '办公室补录' }] } } });
    const notMine = await t.call('demo-chenjing', 'records.save', visitRecord(pairingId, '2026-10-08'));
    expect(notMine).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('bad input gets a clear error and writes nothing', () => {
  const cases: Array<[string, 'records.save' | 'records.checkIn', () => object, string, RegExp]> = [
    ['a latitude out of range', 'records.checkIn', () => ({ pairingId, latitude: 91, longitude: 114, accuracy: 10 }), 'latitude', /纬度超出范围/],
    ['a longitude that is not a number', 'records.checkIn', () => ({ pairingId, latitude: 22, longitude: 'east', accuracy: 10 }), 'longitude', /经度须为数字/],
    ['a date in the future', 'records.save', () => visitRecord(pairingId, '2026-11-21'), 'date', /日期不能晚于今天/],
    ['a date outside the pairing year', 'records.save', () => visitRecord(pairingId, '2025-12-30'), 'date', /结对年度/],
    ['an impossible date', 'records.save', () => visitRecord(pairingId, '2026-02-30'), 'date', /真实日期/],
    ['oversized results', 'records.save', () => visitRecord(pairingId, '2026-11-02', { results: '成'.repeat(2001) }), 'results', /不能超过 2000 字/],
    ['an unknown content area', 'records.save', () => visitRecord(pairingId, '2026-11-02', { contentAreas: ['partyMassBuilding', 'tenth' as never] }), 'contentAreas.1', /九项/],
    ['a negative participant count', 'records.save', () => visitRecord(pairingId, '2026-11-02', { participants: { unit: { count: -1, names: [] }, org: { count: 1, names: [] } } }), 'participants.unit.count', /不能为负/],
  ];

  it.each(cases)('%s', async (_label, action, input, field, message) => {
    const records = await t.count('records');
    const checkIns = await t.count('checkIns');
    const result = await t.call(WORKER, action, input() as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field, message: expect.stringMatching(message) } });
    expect(await t.count('records')).toBe(records);
    expect(await t.count('checkIns')).toBe(checkIns);
  });

  it('refuses a check-in attached from another pairing', async () => {
    const other = t.district.pairings[2]!._id;
    const foreign = await t.call('demo-wuhua', 'records.checkIn', { pairingId: other, latitude: 22.7, longitude: 114.2, accuracy: 10 });
    if (!foreign.ok) throw new Error(foreign.error.message);
    const result = await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-02', { checkInId: foreign.data.checkIn.id }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'checkInId', message: '签到记录不属于该结对' } });
  });
});
