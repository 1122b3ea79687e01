/**
 * A party leader confirms several waiting records of their org in one pass (issue 12, defect 5): they
 * read each one in full first (records.pending with content), flagged ones included, and each record is
 * decided as records.confirm decides it — one that changed meanwhile is answered with why, the rest confirmed.
 */
import { templates } from '../../server/messaging/templates';
import { wxServerSdk } from '../../localcloud/sdk';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import type { TestCloud } from '../support/testCloud';
import { dataOf, useTestCloudAt } from '../support/testCloud';
import { meanwhile } from '../support/meanwhile';

const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
const OTHER_LEADER = 'demo-wuhua';
const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));
let t: TestCloud;
let pairingId: string;
beforeAll(() => {
  t = cloud();
  pairingId = t.district.pairings[0]!._id;
});

async function waiting(date: string) {
  const saved = dataOf(await t.call(WORKER, 'records.save', visitRecord(pairingId, date, { kind: 'otherWork' })));
  return dataOf(await t.call(WORKER, 'records.submit', { recordId: saved.record.id, revision: 1 })).record;
}

describe('records.confirmMany', () => {
  it('shows each waiting record in full, then confirms those chosen; one withdrawn meanwhile is answered with why', async () => {
    const [a, b, c] = [await waiting('2026-11-14'), await waiting('2026-11-15'), await waiting('2026-11-16')];
    t.cloud.db.resetStats();
    const pending = dataOf(await t.call(LEADER, 'records.pending', { withContent: true }));
    // The caller, the waiting list, the oldest in full in one request (not one a record: 20 at once was the connection quota).
    expect(t.cloud.db.stats.requests).toBe(3);
    const shown = pending.views!.filter((view) => [a.id, b.id, c.id].includes(view.id));
    expect(shown.map((view) => view.id)).toEqual([a.id, b.id, c.id]);
    expect(shown[0]).toMatchObject({ content: expect.any(String), participants: { unit: { count: 2 } }, revision: 1 });
    expect(pending.views!.map((view) => view.id)).toEqual(pending.items.slice(0, pending.views!.length).map((item) => item.id));

    dataOf(await t.call(WORKER, 'records.withdraw', { recordId: c.id, revision: 1 }));
    const sentBefore = t.cloud.outbox.list({ touser: WORKER, limit: 500 }).filter((entry) => entry.templateId === templates.recordResult.id).length;
    const answer = dataOf(await t.call(LEADER, 'records.confirmMany', { items: [a, b, c].map((record) => ({ recordId: record.id, revision: 1 })) }));
    expect(answer.items.map((item) => [item.recordId, item.ok])).toEqual([
      [a.id, true],
      [b.id, true],
      [c.id, false],
    ]);
    expect(answer.items[2]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    for (const record of [a, b]) expect(dataOf(await t.call(WORKER, 'records.get', { recordId: record.id })).record).toMatchObject({ state: 'confirmed', confirmed: { by: '王芳' } });
    expect(dataOf(await t.call(WORKER, 'records.get', { recordId: c.id })).record.state).toBe('revised');
    // Each author is told, once per record confirmed.
    expect(t.cloud.outbox.list({ touser: WORKER, limit: 500 }).filter((entry) => entry.templateId === templates.recordResult.id)).toHaveLength(sentBefore + 2);
  });

  it('confirms nothing of another org, and refuses a second pass over the same records', async () => {
    const record = await waiting('2026-11-17');
    const other = dataOf(await t.call(OTHER_LEADER, 'records.confirmMany', { items: [{ recordId: record.id, revision: 1 }] }));
    expect(other.items[0]).toMatchObject({ ok: false });
    expect(dataOf(await t.call(WORKER, 'records.get', { recordId: record.id })).record.state).toBe('submitted');
    dataOf(await t.call(LEADER, 'records.confirmMany', { items: [{ recordId: record.id, revision: 1 }] }));
    expect(dataOf(await t.call(LEADER, 'records.confirmMany', { items: [{ recordId: record.id, revision: 1 }] })).items[0]).toMatchObject({ ok: false });
    // A record that does not exist is answered as not found, beside one that is confirmed.
    const another = await waiting('2026-11-18');
    const mixed = dataOf(await t.call(LEADER, 'records.confirmMany', { items: [{ recordId: 'record-that-never-was', revision: 1 }, { recordId: another.id, revision: 1 }] }));
    expect(mixed.items).toMatchObject([{ recordId: 'record-that-never-was', ok: false, error: { code: 'NOT_FOUND' } }, { recordId: another.id, ok: true }]);
  });

  it('confirms any number chosen in three database requests, each author told once', async () => {
    const chosen = [await waiting('2026-11-02'), await waiting('2026-11-03'), await waiting('2026-11-04'), await waiting('2026-11-05')];
    const sentBefore = t.cloud.outbox.list({ touser: WORKER, limit: 500 }).filter((entry) => entry.templateId === templates.recordResult.id).length;
    t.cloud.db.resetStats();
    const answer = dataOf(await t.call(LEADER, 'records.confirmMany', { items: chosen.map((record) => ({ recordId: record.id, revision: 1 })) }));
    expect(t.cloud.db.stats.requests).toBe(3); // the caller, the records with their authors, one write for all
    expect(answer.items.map((item) => item.ok)).toEqual([true, true, true, true]);
    for (const [index, record] of chosen.entries()) {
      const stored = dataOf(await t.call(WORKER, 'records.get', { recordId: record.id })).record;
      expect(stored).toMatchObject({ state: 'confirmed', confirmed: { by: '王芳' } });
      expect(answer.items[index]).toMatchObject({ ok: true, record: { id: record.id, state: 'confirmed', revision: 1, confirmed: stored.confirmed } });
    }
    expect(t.cloud.outbox.list({ touser: WORKER, limit: 500 }).filter((entry) => entry.templateId === templates.recordResult.id)).toHaveLength(sentBefore + 4);
  });

  it('confirms records at different revisions, each at the revision the leader saw', async () => {
    const first = await waiting('2026-11-06');
    const revised = await waiting('2026-11-07');
    dataOf(await t.call(LEADER, 'records.dispute', { recordId: revised.id, revision: 1, reason: '时间不对' }));
    dataOf(await t.call(WORKER, 'records.revise', { recordId: revised.id }));
    dataOf(await t.call(WORKER, 'records.submit', { recordId: revised.id, revision: 2 }));
    const stale = dataOf(await t.call(LEADER, 'records.confirmMany', { items: [{ recordId: revised.id, revision: 1 }] }));
    expect(stale.items[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '记录已有新的版本，请刷新后再操作' } });
    const answer = dataOf(await t.call(LEADER, 'records.confirmMany', { items: [{ recordId: first.id, revision: 1 }, { recordId: revised.id, revision: 2 }] }));
    expect(answer.items).toMatchObject([{ ok: true, record: { revision: 1, state: 'confirmed' } }, { ok: true, record: { revision: 2, state: 'confirmed' } }]);
    const history = dataOf(await t.call(WORKER, 'records.get', { recordId: revised.id })).record.history;
    expect(history.at(-1)).toMatchObject({ event: 'confirm', revision: 2 });
  });

  it('tells which were confirmed when one changes between the read and the write (withdrawn at that moment)', async () => {
    const [a, b, c] = [await waiting('2026-11-08'), await waiting('2026-11-09'), await waiting('2026-11-10')];
    const withdraw = async () => {
      await wxServerSdk().database().collection('records').doc(b.id).update({ data: { state: 'revised' } });
    };
    const { result, happened } = await meanwhile(t.cloud.db, 'database.modifyDocument', withdraw, () => t.call(LEADER, 'records.confirmMany', { items: [a, b, c].map((record) => ({ recordId: record.id, revision: 1 })) }));
    expect(happened).toBe(true);
    const answer = dataOf(result);
    expect(answer.items.map((item) => [item.recordId, item.ok])).toEqual([
      [a.id, true],
      [b.id, false],
      [c.id, true],
    ]);
    expect(answer.items[1]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(dataOf(await t.call(WORKER, 'records.get', { recordId: b.id })).record.state).toBe('revised');
    for (const record of [a, c]) expect(dataOf(await t.call(WORKER, 'records.get', { recordId: record.id })).record.state).toBe('confirmed');
  });

  it('refuses an empty pass, too many and the same record twice', async () => {
    expect(await t.call(LEADER, 'records.confirmMany', { items: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const many = Array.from({ length: 21 }, (_, index) => ({ recordId: `record-${index}`, revision: 1 }));
    expect(await t.call(LEADER, 'records.confirmMany', { items: many })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(LEADER, 'records.confirmMany', { items: [{ recordId: 'record-1', revision: 1 }, { recordId: 'record-1', revision: 1 }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(WORKER, 'records.confirmMany', { items: [{ recordId: 'record-1', revision: 1 }] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
