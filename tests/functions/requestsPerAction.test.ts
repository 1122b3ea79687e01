/**
 * Every action a unit worker, a unit head or an org leader takes, and the screens the offices open
 * over a unit, answer in at most three database requests (the caller's own read included), counted
 * by the local database the way WeChat bills them: each read, write, aggregate, and each operation,
 * start and commit of a transaction. What each action answers is tested with the action itself.
 */
import { chinaDateString, chinaInstant } from '../../src/domain/time/chinaTime';
import type { ActionInput, ActionName } from '../../src/contract/actions';
import { wxServerSdk } from '../../localcloud/sdk';
import { visitRecord } from '../support/builders';
import { dumpDatabase } from '../support/databaseDump';
import { addPerson, dataOf, useTestCloudAt } from '../support/testCloud';
import { checkInUploadFolder, planUploadFolder, recordUploadFolder } from '../../src/contract/uploads';

const MAX_REQUESTS = 3;
const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));
const today = () => chinaDateString(new Date());

async function requestsOf<K extends ActionName>(openid: string, action: K, input: ActionInput<K>): Promise<number> {
  const t = cloud();
  t.cloud.db.resetStats();
  dataOf(await t.call(openid, action, input));
  return t.cloud.db.stats.requests;
}

let uploads = 0;
/** A photo the person uploaded into their own folder, as the mini-program does before saving: by default for a record of the first pairing. */
async function uploadedBy(openid: string, folder = recordUploadFolder(pairingId(), `k-${uploads + 1}`)): Promise<string> {
  uploads += 1;
  const result = (await wxServerSdk().uploadFile({ cloudPath: `uploads/${openid}/${folder}/photo-${uploads}.jpg`, fileContent: Buffer.from(`photo ${uploads}`) })) as { fileID: string };
  return result.fileID;
}

const pairingId = () => cloud().district.pairings[0]!._id;
const unitId = () => cloud().district.pairings[0]!.unitId;

/** A visit of the first pairing written, submitted and confirmed by its org's leader, touching these content areas. */
async function confirmedVisit(date: string, contentAreas: NonNullable<Parameters<typeof visitRecord>[2]>['contentAreas']): Promise<string> {
  const t = cloud();
  const draft = visitRecord(pairingId(), date, { contentAreas });
  dataOf(await t.call('demo-liming', 'records.save', draft));
  const submitted = dataOf(await t.call('demo-liming', 'records.submit', { recordId: draft.clientKey, revision: 1 }));
  dataOf(await t.call('demo-wangfang', 'records.confirm', { token: submitted.link.token }));
  return submitted.record.id;
}

describe('database requests per action', () => {
  it.each([
    ['a unit worker', 'demo-liming'],
    ['a unit head', 'demo-zhaojun'],
    ['a street office', 'demo-sunli'],
    ['the district office', 'demo-zhoutao'],
    ['an org leader', 'demo-wangfang'],
  ])('plans.mine for %s', async (_who, openid) => {
    expect(await requestsOf(openid, 'plans.mine', {})).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it.each([
    ['its worker', 'demo-liming', undefined],
    ['its head', 'demo-zhaojun', undefined],
    ['its street office', 'demo-sunli', 'unit'],
    ['the district office', 'demo-zhoutao', 'unit'],
  ] as const)('points.unit and points.selfAssessment for %s', async (_who, openid, named) => {
    const input = named ? { unitId: unitId() } : {};
    expect(await requestsOf(openid, 'points.unit', input)).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf(openid, 'points.selfAssessment', input)).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('points.submitSelfAssessment by the unit head', async () => {
    expect(await requestsOf('demo-zhaojun', 'points.submitSelfAssessment', { unitId: unitId(), year: 2026, items: [], remarks: '按记录本自评' })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('a visit from the check-in at the gate to the leader’s confirmation', async () => {
    const t = cloud();
    t.cloud.db.resetStats();
    const checkIn = dataOf(await t.call('demo-liming', 'records.checkIn', { pairingId: pairingId(), latitude: 22.72, longitude: 114.25, accuracy: 25 }));
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);

    const draft = visitRecord(pairingId(), today(), { checkInId: checkIn.checkIn.id });
    expect(await requestsOf('demo-liming', 'records.save', draft)).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'records.save', { ...draft, results: '明确换届时间表，补齐 4 项制度。' })).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'records.save', draft)).toBeLessThanOrEqual(MAX_REQUESTS); // saved again unchanged

    t.cloud.db.resetStats();
    const submitted = dataOf(await t.call('demo-liming', 'records.submit', { recordId: draft.clientKey, revision: 1 }));
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-wangfang', 'records.pending', {})).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-wangfang', 'records.get', { token: submitted.link.token })).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-wangfang', 'records.confirm', { token: submitted.link.token })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('records.withdraw of a waiting record, and records.revise of a disputed and of a confirmed one', async () => {
    const t = cloud();
    const sent = async (date: string) => {
      const draft = visitRecord(pairingId(), date);
      dataOf(await t.call('demo-liming', 'records.save', draft));
      return dataOf(await t.call('demo-liming', 'records.submit', { recordId: draft.clientKey, revision: 1 }));
    };
    const waiting = await sent('2026-11-16');
    expect(await requestsOf('demo-liming', 'records.withdraw', { recordId: waiting.record.id, revision: 1 })).toBeLessThanOrEqual(MAX_REQUESTS);

    const disputed = await sent('2026-11-17');
    dataOf(await t.call('demo-wangfang', 'records.dispute', { token: disputed.link.token, reason: '人数不对' }));
    expect(await requestsOf('demo-liming', 'records.revise', { recordId: disputed.record.id })).toBeLessThanOrEqual(MAX_REQUESTS);

    const confirmed = await sent('2026-11-18');
    dataOf(await t.call('demo-wangfang', 'records.confirm', { token: confirmed.link.token }));
    expect(await requestsOf('demo-liming', 'records.revise', { recordId: confirmed.record.id })).toBeLessThanOrEqual(MAX_REQUESTS);
    // The leader's link from before the revision still opens the record.
    expect(await requestsOf('demo-wangfang', 'records.get', { token: confirmed.link.token })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('records.save of a new record without a check-in, and of a paper record by the street office', async () => {
    expect(await requestsOf('demo-liming', 'records.save', visitRecord(pairingId(), today(), { kind: 'otherWork' }))).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-sunli', 'records.save', { ...visitRecord(pairingId(), today(), { kind: 'otherWork' }), paper: true })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('records.save with attachments: a new record with a new photo, an edit adding one, an edit keeping them, saved again unchanged', async () => {
    const first = await uploadedBy('demo-liming');
    const second = await uploadedBy('demo-liming');
    const draft = { ...visitRecord(pairingId(), '2026-11-12', { kind: 'otherWork' }), attachments: [{ fileId: first, name: '现场照片1.jpg' }] };
    expect(await requestsOf('demo-liming', 'records.save', draft)).toBeLessThanOrEqual(MAX_REQUESTS);
    const added = { ...draft, attachments: [...draft.attachments, { fileId: second, name: '现场照片2.jpg' }] };
    expect(await requestsOf('demo-liming', 'records.save', added)).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'records.save', { ...added, results: '明确换届时间表，补齐 5 项制度。' })).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'records.save', { ...added, results: '明确换届时间表，补齐 5 项制度。' })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('a visit with a photo taken at the check-in, and a photo added to its record', async () => {
    const t = cloud();
    const photo = await uploadedBy('demo-liming', checkInUploadFolder(pairingId()));
    t.cloud.db.resetStats();
    const checkIn = dataOf(await t.call('demo-liming', 'records.checkIn', { pairingId: pairingId(), latitude: 22.72, longitude: 114.25, accuracy: 25, photoFileId: photo }));
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
    const draft = visitRecord(pairingId(), '2026-11-13', { checkInId: checkIn.checkIn.id });
    expect(await requestsOf('demo-liming', 'records.save', draft)).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'records.save', { ...draft, attachments: [{ fileId: await uploadedBy('demo-liming'), name: '签到后补拍.jpg' }] })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('refuses, within the same requests and writing nothing, a record taking a file another record or a check-in holds', async () => {
    const t = cloud();
    const held = await uploadedBy('demo-liming');
    dataOf(await t.call('demo-liming', 'records.save', { ...visitRecord(pairingId(), '2026-11-14', { kind: 'otherWork' }), attachments: [{ fileId: held, name: '照片.jpg' }] }));
    const atGate = await uploadedBy('demo-liming', checkInUploadFolder(pairingId()));
    dataOf(await t.call('demo-liming', 'records.checkIn', { pairingId: pairingId(), latitude: 22.72, longitude: 114.25, accuracy: 25, photoFileId: atGate }));
    // Held by another record of the pairing; uploaded for a check-in (so never a record's).
    for (const [fileId, message] of [
      [held, '该文件已附在其他方案或记录上，请重新上传附件'],
      [atGate, '该文件不是为这里上传的，请重新上传附件'],
    ] as const) {
      const before = dumpDatabase(t.cloud);
      t.cloud.db.resetStats();
      const taken = await t.call('demo-liming', 'records.save', { ...visitRecord(pairingId(), '2026-11-15', { kind: 'otherWork' }), attachments: [{ fileId, name: '同一张照片.jpg' }] });
      expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
      expect(taken).toEqual({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments', message } });
      expect(dumpDatabase(t.cloud)).toBe(before);
    }
    const before = dumpDatabase(t.cloud);
    t.cloud.db.resetStats();
    const again = await t.call('demo-liming', 'records.checkIn', { pairingId: pairingId(), latitude: 22.72, longitude: 114.25, accuracy: 25, photoFileId: held });
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments' } });
    expect(dumpDatabase(t.cloud)).toBe(before);
  });

  it('plans.save by a unit worker: the plan written, a file attached, the text edited keeping it; a file a record holds refused, nothing written', async () => {
    const t = cloud();
    const plan = { subjectType: 'unit' as const, subjectId: unitId(), year: 2026, text: '一、共建目标……' };
    expect(await requestsOf('demo-liming', 'plans.save', plan)).toBeLessThanOrEqual(MAX_REQUESTS);
    const attachments = [{ fileId: await uploadedBy('demo-liming', planUploadFolder(2026, unitId())), name: '方案.pdf' }];
    expect(await requestsOf('demo-liming', 'plans.save', { ...plan, attachments })).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'plans.save', { ...plan, text: '一、共建目标……二、工作举措……', attachments })).toBeLessThanOrEqual(MAX_REQUESTS);

    const onRecord = await uploadedBy('demo-liming');
    dataOf(await t.call('demo-liming', 'records.save', { ...visitRecord(pairingId(), '2026-11-11', { kind: 'otherWork' }), attachments: [{ fileId: onRecord, name: '照片.jpg' }] }));
    const before = dumpDatabase(t.cloud);
    t.cloud.db.resetStats();
    const taken = await t.call('demo-liming', 'plans.save', { ...plan, attachments: [...attachments, { fileId: onRecord, name: '照片.jpg' }] });
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(taken).toEqual({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments', message: '该文件不是为这里上传的，请重新上传附件' } });
    expect(dumpDatabase(t.cloud)).toBe(before);
  });

  it('points.tagAchievement of a confirmed record, tagged again (writing nothing), and points.untagAchievement', async () => {
    const t = cloud();
    const recordId = await confirmedVisit('2026-11-04', ['practicalProblems', 'labourRelations']);
    const tag = { recordId, achievement: 'researchReport' };
    expect(await requestsOf('demo-liming', 'points.tagAchievement', tag)).toBeLessThanOrEqual(MAX_REQUESTS);
    t.cloud.db.resetStats();
    // The answer: the tags read with the record, and the one written.
    expect(dataOf(await t.call('demo-zhaojun', 'points.tagAchievement', { recordId, achievement: 'mediationCommittee' }))).toEqual({ recordId, achievements: ['mediationCommittee', 'researchReport'] });
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
    const before = dumpDatabase(t.cloud);
    t.cloud.db.resetStats();
    // Tagged so already (by someone else): nothing is written, the tag stays the first tagger's.
    expect(dataOf(await t.call('demo-zhaojun', 'points.tagAchievement', tag))).toEqual({ recordId, achievements: ['mediationCommittee', 'researchReport'] });
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(dumpDatabase(t.cloud)).toBe(before);
    expect(await requestsOf('demo-sunli', 'points.untagAchievement', tag)).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'points.untagAchievement', { recordId, achievement: 'mediationCommittee' })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('session.invite by a unit worker and by an org leader, the first time (the invitation made) and again', async () => {
    const orgId = cloud().district.pairings[0]!.orgId;
    for (const [openid, scopeType, scopeId] of [
      ['demo-liming', 'unit', unitId()],
      ['demo-wangfang', 'org', orgId],
    ] as const) {
      const first = await requestsOf(openid, 'session.invite', { scopeType, scopeId });
      expect(first).toBeLessThanOrEqual(MAX_REQUESTS);
      expect(await requestsOf(openid, 'session.invite', { scopeType, scopeId })).toBeLessThanOrEqual(MAX_REQUESTS);
    }
  });

  it.each([
    ['the org’s approved leader', 'demo-wangfang'],
    ['a worker of the paired unit', 'demo-liming'],
  ])('session.approveLeader by %s', async (_who, openid) => {
    const orgId = cloud().district.pairings[0]!.orgId;
    const waiting = `waiting-leader-${openid}`;
    await addPerson(waiting, '待审负责人', [{ role: 'orgLeader', scopeType: 'org', scopeId: orgId, approved: false }]);
    const t = cloud();
    t.cloud.db.resetStats();
    const approved = dataOf(await t.call(openid, 'session.approveLeader', { personId: `person-${waiting}`, orgId }));
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(approved).toEqual({ person: { personId: `person-${waiting}`, name: '待审负责人', orgId, orgName: orgId, approved: true } });
    expect(await t.count('people', { _id: `person-${waiting}`, 'grants.0.approved': true, 'grants.0.approvedBy': `person-${openid.replace('demo-', '')}` })).toBe(1);
  });

  it('session.approveLeader asked twice at once approves once', async () => {
    const t = cloud();
    const orgId = t.district.pairings[0]!.orgId;
    await addPerson('waiting-twice', '待审负责人', [{ role: 'orgLeader', scopeType: 'org', scopeId: orgId, approved: false }]);
    const both = await Promise.all(['demo-wangfang', 'demo-liming'].map((openid) => t.call(openid, 'session.approveLeader', { personId: 'person-waiting-twice', orgId })));
    expect(both.map((result) => (result.ok ? 'ok' : result.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(await t.count('people', { _id: 'person-waiting-twice', 'grants.0.approved': true, 'grants.0.approvedBy': both[0]!.ok ? 'person-wangfang' : 'person-liming' })).toBe(1);
  });

  it('session.approveLeader refused within the same requests, writing nothing', async () => {
    const t = cloud();
    const orgId = t.district.pairings[0]!.orgId;
    await addPerson('waiting-elsewhere', '别处的负责人', [{ role: 'orgLeader', scopeType: 'org', scopeId: t.district.pairings[5]!.orgId, approved: false }]);
    const cases: Array<[string, string, string]> = [
      ['demo-wangfang', 'person-waiting-leader-demo-wangfang', 'ALREADY_DONE'], // approved by the previous test
      ['demo-liming', 'person-nobody', 'NOT_FOUND'],
      ['demo-chenjing', 'person-nobody', 'FORBIDDEN'], // a worker of another unit may not approve: told so, not that there is nobody
      ['demo-chenjing', 'person-waiting-leader-demo-liming', 'FORBIDDEN'],
      ['demo-liming', 'person-waiting-elsewhere', 'NOT_FOUND'], // waiting, but for another org
    ];
    for (const [openid, personId, code] of cases) {
      const before = dumpDatabase(t.cloud);
      t.cloud.db.resetStats();
      const result = await t.call(openid, 'session.approveLeader', { personId, orgId });
      expect([openid, personId, result.ok ? 'ok' : result.error.code]).toEqual([openid, personId, code]);
      expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
      expect(dumpDatabase(t.cloud)).toBe(before);
    }
  });

  it('session.whoami and session.pendingLeaders', async () => {
    expect(await requestsOf('demo-liming', 'session.whoami', {})).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'session.pendingLeaders', {})).toBeLessThanOrEqual(MAX_REQUESTS);
  });
});

describe('database requests of the home screen', () => {
  it.each([
    ['a unit worker', 'demo-liming'],
    ['an org leader', 'demo-wangfang'],
  ])('records.home for %s', async (_who, openid) => {
    expect(await requestsOf(openid, 'records.home', {})).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('feedback.send (投诉建议) in the sender’s name, anonymously, and from a WeChat user who is nobody in the directory', async () => {
    expect(await requestsOf('demo-liming', 'feedback.send', { category: 'suggestion', content: '希望增加字号调节', anonymous: false })).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-wangfang', 'feedback.send', { category: 'complaint', content: '确认消息收不到', anonymous: false })).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('demo-liming', 'feedback.send', { category: 'complaint', content: '匿名的意见', anonymous: true })).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(await requestsOf('openid-of-a-visitor', 'feedback.send', { category: 'suggestion', content: '访客的建议', anonymous: false })).toBeLessThanOrEqual(MAX_REQUESTS);
  });
});

/**
 * A thread `demo-liming` sent (in their name, so 龙城街道's office sees it), answered by that office
 * unless `answered` is false.
 */
async function threadOfLiming(answered = true): Promise<string> {
  const t = cloud();
  const sent = dataOf(await t.call('demo-liming', 'feedback.send', { category: 'suggestion', content: '希望能导出本单位的记录本' }));
  if (answered) dataOf(await t.call('demo-sunli', 'feedback.answer', { feedbackId: sent.feedback.id, text: '已列入下一版本计划' }));
  return sent.feedback.id;
}

/** The error of a call that must be refused within the requests and write nothing. */
async function refusedWithin<K extends ActionName>(openid: string | undefined, action: K, input: ActionInput<K>): Promise<unknown> {
  const t = cloud();
  const before = dumpDatabase(t.cloud);
  t.cloud.db.resetStats();
  const result = await t.call(openid, action, input);
  expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(MAX_REQUESTS);
  expect(dumpDatabase(t.cloud)).toBe(before);
  return result.ok ? 'ok' : result.error;
}

describe('database requests of the sender’s own 投诉建议', () => {
  it('feedback.followUp of an answered thread and feedback.close of an answered and of a pending one, keeping the exchange', async () => {
    const t = cloud();
    const feedbackId = await threadOfLiming();
    expect(await requestsOf('demo-liming', 'feedback.followUp', { feedbackId, text: '大概什么时候？' })).toBeLessThanOrEqual(MAX_REQUESTS);
    dataOf(await t.call('demo-sunli', 'feedback.answer', { feedbackId, text: '预计下月上线' }));
    expect(await requestsOf('demo-liming', 'feedback.close', { feedbackId })).toBeLessThanOrEqual(MAX_REQUESTS);
    const mine = dataOf(await t.call('demo-liming', 'feedback.mine', {})).items.find((item) => item.id === feedbackId);
    expect(mine).toMatchObject({ state: 'closed', messages: [{ from: 'sender' }, { from: 'office' }, { from: 'sender', text: '大概什么时候？' }, { from: 'office', text: '预计下月上线' }] });

    expect(await requestsOf('demo-liming', 'feedback.close', { feedbackId: await threadOfLiming(false) })).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('refuses, within the same requests and writing nothing, anyone but the sender, a follow-up before the answer, and anything on a closed thread', async () => {
    const feedbackId = await threadOfLiming();
    const notFound = { code: 'NOT_FOUND', message: '找不到这条投诉建议' };
    expect(await refusedWithin('demo-chenjing', 'feedback.followUp', { feedbackId, text: '冒充' })).toEqual(notFound);
    expect(await refusedWithin('demo-chenjing', 'feedback.close', { feedbackId })).toEqual(notFound);
    expect(await refusedWithin('openid-of-a-visitor', 'feedback.close', { feedbackId })).toEqual(notFound);
    expect(await refusedWithin('demo-liming', 'feedback.followUp', { feedbackId: 'feedback-none', text: '补充' })).toEqual(notFound);
    expect(await refusedWithin(undefined, 'feedback.close', { feedbackId })).toMatchObject({ code: 'UNAUTHENTICATED' });

    dataOf(await cloud().call('demo-liming', 'feedback.followUp', { feedbackId, text: '大概什么时候？' }));
    expect(await refusedWithin('demo-liming', 'feedback.followUp', { feedbackId, text: '再问一次' })).toEqual({ code: 'CONFLICT', message: '请等待答复后再补充' });
    dataOf(await cloud().call('demo-liming', 'feedback.close', { feedbackId }));
    expect(await refusedWithin('demo-liming', 'feedback.followUp', { feedbackId, text: '还有一点' })).toEqual({ code: 'CONFLICT', message: '该事项已办结' });
    expect(await refusedWithin('demo-liming', 'feedback.close', { feedbackId })).toEqual({ code: 'CONFLICT', message: '该事项已办结' });
  });
});

/**
 * admin.reapplyLeader writes the waiting grant and its audit entry in one transaction (start, the two
 * writes, commit) after one read of the caller with the refusal and its org: five, the price of never
 * having a grant without its entry (see the action).
 */
const REAPPLY_REQUESTS = 5;

describe('database requests of a refused party-leader applicant asking again', () => {
  it('admin.reapplyLeader after the refusal, and refused within the same requests when asked again', async () => {
    const t = cloud();
    const orgId = t.district.pairings[0]!.orgId;
    const invitation = dataOf(await t.call('demo-sunli', 'session.invite', { scopeType: 'org', scopeId: orgId }));
    const personId = dataOf(await t.call('openid-applicant', 'session.join', { code: invitation.code, name: '新来的书记' })).person.id;
    dataOf(await t.call('demo-sunli', 'admin.refuseLeader', { personId, orgId, reason: '经核实，您不是该组织的党组织负责人' }));
    expect(await requestsOf('openid-applicant', 'admin.reapplyLeader', { orgId })).toBeLessThanOrEqual(REAPPLY_REQUESTS);
    expect(await t.count('auditTrail', { action: 'person.reapplyLeader', personId, orgId })).toBe(1);
    expect(await refusedWithin('openid-applicant', 'admin.reapplyLeader', { orgId })).toEqual({ code: 'NOT_FOUND', message: '没有可以重新申请的记录' });
    // The action identifies its caller itself: someone who never joined is refused as for any joined-only action.
    expect(await refusedWithin('openid-never-joined', 'admin.reapplyLeader', { orgId })).toEqual({ code: 'UNAUTHENTICATED', message: '您还没有加入，请通过邀请码或二维码加入' });
  });
});
