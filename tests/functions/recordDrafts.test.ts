import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import type { TestCloud } from '../support/testCloud';
import { useTestCloudAt } from '../support/testCloud';

const WORKER = 'demo-liming';
const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));
let t: TestCloud;
let pairingId: string;
beforeAll(() => {
  t = cloud();
  pairingId = t.district.pairings[0]!._id;
});

/** What a person has typed so far: a kind and a date, nothing else. */
const emptySides = { unit: { count: null, names: [] }, org: { count: null, names: [] } };

describe('a draft may be incomplete; what is submitted may not', () => {
  it('saves a draft with empty text, no content area and empty counts, and keeps the counts empty', async () => {
    const saved = await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-02', { content: '  ', results: '', contentAreas: [], participants: emptySides }));
    expect(saved).toMatchObject({ ok: true, data: { record: { state: 'draft', content: '', results: '', contentAreas: [], participants: { unit: { count: 0 }, org: { count: 0 } } } } });
  });

  it('refuses to submit an incomplete draft with every problem at once, and leaves it a draft', async () => {
    const saved = await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-03', { content: '', contentAreas: [], participants: emptySides }));
    if (!saved.ok) throw new Error(saved.error.message);
    const before = t.cloud.outbox.list({ limit: 500 }).length;
    const submitted = await t.call(WORKER, 'records.submit', { recordId: saved.data.record.id, revision: 1 });
    expect(submitted).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '还有 4 处需要填写或修改：请至少选择一项共建内容；请填写工作内容；请填写我方参加人数；请填写组织方参加人数' },
    });
    const after = await t.call(WORKER, 'records.get', { recordId: saved.data.record.id });
    expect(after).toMatchObject({ ok: true, data: { record: { state: 'draft', history: [{ event: 'create' }] } } });
    expect(t.cloud.outbox.list({ limit: 500 }).length).toBe(before);
  });

  it('names the field when one thing is missing, and submits once it is filled in', async () => {
    const draft = visitRecord(pairingId, '2026-11-04', { results: '' });
    const saved = await t.call(WORKER, 'records.save', draft);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await t.call(WORKER, 'records.submit', { recordId: saved.data.record.id, revision: 1 })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'results', message: '还有 1 处需要填写或修改：请填写具体成效' },
    });
    expect(await t.call(WORKER, 'records.save', { ...draft, results: '补齐制度 2 项' })).toMatchObject({ ok: true });
    expect(await t.call(WORKER, 'records.submit', { recordId: saved.data.record.id, revision: 1 })).toMatchObject({ ok: true, data: { record: { state: 'submitted' } } });
  });

  it('still refuses what is wrong rather than missing, even in a draft', async () => {
    const records = await t.count('records');
    const result = await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-11-05', { participants: { unit: { count: 1.5, names: [] }, org: { count: null, names: [] } } }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'participants.unit.count', message: '我方参加人数须为整数' } });
    expect(await t.count('records')).toBe(records);
  });
});
