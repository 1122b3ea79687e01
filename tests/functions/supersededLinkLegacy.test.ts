/**
 * Confirm links made before link keys (22 random characters, server/actions/records/linkTokens.ts)
 * keep working: the one a record still carries is kept by its revision or withdrawal in the record's
 * own update (three requests), and those left behind before then are found in `supersededLinks`.
 * New links carry their record's key and fit a mini-program code's 32-character scene.
 */
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { getRecordInput } from '../../src/contract/records';
import { wxServerSdk } from '../../localcloud/sdk';
import { visitRecord } from '../support/builders';
import type { TestCloud } from '../support/testCloud';
import { dataOf, useTestCloudAt, submittedVisit } from '../support/testCloud';

const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));
let t: TestCloud;
let pairingId: string;
beforeAll(() => {
  t = cloud();
  pairingId = t.district.pairings[0]!._id;
});

const records = () => wxServerSdk().database().collection('records');

/** A waiting record as submitted before link keys: its link is 22 random characters and it has no key. */
async function submittedBeforeKeys(date: string, legacyToken: string) {
  const sent = await submittedVisit(t, WORKER, pairingId, date);
  const _ = wxServerSdk().database().command;
  await records().doc(sent.record.id).update({ data: { 'confirmToken.id': legacyToken, linkKey: _.remove() } });
  return sent.record.id;
}

async function requests<T>(act: () => Promise<T>): Promise<{ result: T; requests: number; fullScans: number }> {
  t.cloud.db.resetStats();
  const result = await act();
  return { result, requests: t.cloud.db.stats.requests, fullScans: t.cloud.db.stats.fullScans };
}

describe('a link made before link keys', () => {
  it('disputed, revised in three requests and sent again: the old link leads to the latest version', async () => {
    const legacy = 'LegacyLinkRevise000001';
    const recordId = await submittedBeforeKeys('2026-11-02', legacy);
    dataOf(await t.call(LEADER, 'records.dispute', { token: legacy, reason: '人数不对' }));

    const revised = await requests(() => t.call(WORKER, 'records.revise', { recordId }));
    expect(dataOf(revised.result).record).toMatchObject({ state: 'revised', revision: 2 });
    expect(revised.requests).toBeLessThanOrEqual(3);

    dataOf(await t.call(WORKER, 'records.save', { ...visitRecord(pairingId, '2026-11-02'), clientKey: recordId, results: '明确换届时间表，补齐 4 项制度。' }));
    const again = dataOf(await t.call(WORKER, 'records.submit', { recordId, revision: 2 }));
    expect(again.link.token).toHaveLength(30);

    const opened = await requests(() => t.call(LEADER, 'records.get', { token: legacy }));
    expect(dataOf(opened.result)).toMatchObject({ record: { id: recordId, revision: 2, state: 'submitted' }, canConfirm: true, superseded: { linkRevision: 1, earlierObjection: { reason: '人数不对' } } });
    expect(opened.fullScans).toBe(0);
    expect(opened.requests).toBeLessThanOrEqual(3);
  });

  it('withdrawn in three requests and sent again: the old link leads to the version sent', async () => {
    const legacy = 'LegacyLinkWithdraw0001';
    const recordId = await submittedBeforeKeys('2026-11-03', legacy);
    const withdrawn = await requests(() => t.call(WORKER, 'records.withdraw', { recordId, revision: 1 }));
    expect(dataOf(withdrawn.result).record).toMatchObject({ state: 'revised', revision: 1 });
    expect(withdrawn.requests).toBeLessThanOrEqual(3);

    dataOf(await t.call(WORKER, 'records.save', { ...visitRecord(pairingId, '2026-11-03'), clientKey: recordId, results: '明确换届时间表，补齐 5 项制度。' }));
    dataOf(await t.call(WORKER, 'records.submit', { recordId, revision: 1 }));
    expect(dataOf(await t.call(LEADER, 'records.get', { token: legacy }))).toMatchObject({
      record: { id: recordId, revision: 1, state: 'submitted', results: '明确换届时间表，补齐 5 项制度。' },
      superseded: { linkRevision: 1, changes: [{ field: 'results' }] },
    });
  });

  it('still current, it opens and confirms the record', async () => {
    const legacy = 'LegacyLinkCurrent00001';
    const recordId = await submittedBeforeKeys('2026-11-04', legacy);
    const view = dataOf(await t.call(LEADER, 'records.get', { token: legacy }));
    expect(view).toMatchObject({ record: { id: recordId, state: 'submitted' }, canConfirm: true });
    expect(view).not.toHaveProperty('superseded');
    expect(dataOf(await t.call(LEADER, 'records.confirm', { token: legacy })).record).toMatchObject({ state: 'confirmed' });
  });

  it('left behind before link keys (in supersededLinks), it leads to the latest version', async () => {
    const legacy = 'LegacyLinkKeptById0001';
    const recordId = await submittedBeforeKeys('2026-11-05', legacy);
    dataOf(await t.call(WORKER, 'records.withdraw', { recordId, revision: 1 }));
    // As the earlier code left it: the link's id in supersededLinks, not on the record.
    const _ = wxServerSdk().database().command;
    await records().doc(recordId).update({ data: { legacyLinkId: _.remove() } });
    await wxServerSdk().database().collection('supersededLinks').doc(legacy).set({ data: { recordId, revision: 1, at: new Date() } });

    const opened = await requests(() => t.call(LEADER, 'records.get', { token: legacy }));
    expect(dataOf(opened.result)).toMatchObject({ record: { id: recordId, state: 'revised' }, superseded: { linkRevision: 1 } });
    expect(opened.fullScans).toBe(0);
    expect(opened.requests).toBeLessThanOrEqual(3);
  });
});

describe('a new confirm link', () => {
  it('starts with its record’s key, fits a mini-program code’s scene and the contract, and each submission makes another', async () => {
    const first = await submittedVisit(t, WORKER, pairingId, '2026-11-06');
    const other = await submittedVisit(t, WORKER, pairingId, '2026-11-07');
    for (const token of [first.link.token, other.link.token]) {
      expect(token.length).toBeLessThanOrEqual(32);
      expect(getRecordInput.safeParse({ token }).success).toBe(true);
    }
    const withdrawn = dataOf(await t.call(WORKER, 'records.withdraw', { recordId: first.record.id, revision: 1 }));
    const again = dataOf(await t.call(WORKER, 'records.submit', { recordId: first.record.id, revision: withdrawn.record.revision }));
    expect(again.link.token).not.toBe(first.link.token);
    expect(again.link.token.slice(0, 8)).toBe(first.link.token.slice(0, 8));
    expect(other.link.token.slice(0, 8)).not.toBe(first.link.token.slice(0, 8));
  });

  it('an unknown link with a record’s key is still 链接已失效', async () => {
    const sent = await submittedVisit(t, WORKER, pairingId, '2026-11-08');
    const forged = `${sent.link.token.slice(0, 8)}${'A'.repeat(22)}`;
    expect(await t.call(LEADER, 'records.get', { token: forged })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('链接已失效') } });
    expect(await t.call(LEADER, 'records.confirm', { token: forged })).toMatchObject({ ok: false });
  });
});
