/**
 * A party leader confirms several waiting records of their org in one pass (issue 12, defect 5): they
 * read each one in full first (records.pending with content), flagged ones included, and each record is
 * decided as records.confirm decides it — one that changed meanwhile is answered with why, the rest confirmed.
 */
import { templates } from '../../server/messaging/templates';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import type { TestCloud } from '../support/testCloud';
import { dataOf, useTestCloudAt } from '../support/testCloud';

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
    const pending = dataOf(await t.call(LEADER, 'records.pending', { withContent: true }));
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
  });

  it('refuses an empty pass, too many and the same record twice', async () => {
    expect(await t.call(LEADER, 'records.confirmMany', { items: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const many = Array.from({ length: 21 }, (_, index) => ({ recordId: `record-${index}`, revision: 1 }));
    expect(await t.call(LEADER, 'records.confirmMany', { items: many })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(LEADER, 'records.confirmMany', { items: [{ recordId: 'record-1', revision: 1 }, { recordId: 'record-1', revision: 1 }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(WORKER, 'records.confirmMany', { items: [{ recordId: 'record-1', revision: 1 }] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
