import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { dataOf, openTestCloud } from '../support/testCloud';

/** 孙丽 is the 龙城街道 office; 周涛 the district office; 王芳 the leader of pairing 1's org. */
const STREET_OFFICE = 'demo-sunli';
const DISTRICT_OFFICE = 'demo-zhoutao';
const LEADER = 'demo-wangfang';
const WORKER = 'demo-liming';
let t: TestCloud;
let pairingId: string;
let foreignPairingId: string;

beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 20, 10));
  t = await openTestCloud();
  const mine = t.district.pairings.find((pairing) => pairing.streetId === 'street-longcheng' || pairing.unitStreetId === 'street-longcheng');
  const foreign = t.district.pairings.find((pairing) => pairing.streetId !== 'street-longcheng' && pairing.unitStreetId !== 'street-longcheng');
  if (!mine || !foreign) throw new Error('the demo district lacks pairings in and out of 龙城街道');
  pairingId = t.district.pairings[0]!._id;
  expect(pairingId).toBe(mine._id);
  foreignPairingId = foreign._id;
});
afterAll(() => {
  t.close();
  restoreClock();
});

let scans = 0;
/** A paper record with its scan, uploaded into the entering office's own folder (each scan a new file). */
const paper = (pairing: string, date: string, office: string = STREET_OFFICE) => ({ ...visitRecord(pairing, date), paper: true, attachments: [{ fileId: `cloud://local.local-bucket/uploads/${office}/records/${pairing}/paper/scan-${(scans += 1)}.jpg`, name: '纸质记录扫描件' }] });

describe('paper records (补录) entered by an office', () => {
  it('goes to the leader for confirmation like any other, marked as paper in the record book and the audit trail', async () => {
    const saved = dataOf(await t.call(STREET_OFFICE, 'records.save', paper(pairingId, '2026-08-12')));
    const submitted = dataOf(await t.call(STREET_OFFICE, 'records.submit', { recordId: saved.record.id, revision: 1 }));
    expect(submitted.record).toMatchObject({ paper: true, state: 'submitted', authorName: '孙丽', attachments: [{ name: '纸质记录扫描件' }] });
    const pending = dataOf(await t.call(LEADER, 'records.pending', {}));
    expect(pending.items.map((item) => item.id)).toContain(saved.record.id);
    const confirmed = dataOf(await t.call(LEADER, 'records.confirm', { recordId: saved.record.id, revision: 1 }));
    expect(confirmed.record).toMatchObject({ paper: true, state: 'confirmed', confirmed: { by: '王芳' } });
  });

  it('is confirmed at once when the office checked the leader’s signature on paper (纸质签字已核), both steps in the trail', async () => {
    const saved = dataOf(await t.call(DISTRICT_OFFICE, 'records.save', paper(pairingId, '2026-07-08', DISTRICT_OFFICE)));
    const before = t.cloud.outbox.list({ limit: 500 }).length;
    const result = dataOf(await t.call(DISTRICT_OFFICE, 'records.confirmOnPaper', { recordId: saved.record.id, revision: 1 }));
    expect(result.record).toMatchObject({ paper: true, state: 'confirmed', confirmed: { by: '周涛（纸质签字已核）' } });
    expect(result.record.history.map((entry) => [entry.event, entry.note])).toEqual([
      ['create', '办公室补录'],
      ['submit', '办公室补录'],
      ['confirm', '纸质签字已核'],
    ]);
    const stored = dataOf(await t.call(LEADER, 'records.get', { recordId: saved.record.id }));
    expect(stored.record).toEqual(result.record);
    // Nothing is asked of the leader.
    expect(t.cloud.outbox.list({ limit: 500 }).length).toBe(before);
  });

  it('refuses 纸质签字已核 for a record written in the app, and for one that is incomplete, changing nothing', async () => {
    const appRecord = dataOf(await t.call(WORKER, 'records.save', visitRecord(pairingId, '2026-07-09')));
    expect(await t.call(STREET_OFFICE, 'records.confirmOnPaper', { recordId: appRecord.record.id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/纸质记录/) } });
    const incomplete = dataOf(await t.call(STREET_OFFICE, 'records.save', { ...paper(pairingId, '2026-07-10'), results: '' }));
    expect(await t.call(STREET_OFFICE, 'records.confirmOnPaper', { recordId: incomplete.record.id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'results' } });
    for (const id of [appRecord.record.id, incomplete.record.id]) {
      const record = dataOf(await t.call(DISTRICT_OFFICE, 'records.get', { recordId: id })).record;
      expect(record.state).toBe('draft');
      expect(record).not.toHaveProperty('confirmed');
    }
    // The unit side cannot use it either, even on a paper record of its own pairing.
    expect(await t.call(WORKER, 'records.confirmOnPaper', { recordId: incomplete.record.id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a street office cannot enter one for another street’s unit, nor confirm one there; the database is unchanged', async () => {
    const records = await t.count('records');
    expect(await t.call(STREET_OFFICE, 'records.save', paper(foreignPairingId, '2026-07-11'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.count('records')).toBe(records);

    const theirs = dataOf(await t.call(DISTRICT_OFFICE, 'records.save', paper(foreignPairingId, '2026-07-11', DISTRICT_OFFICE)));
    const snapshot = dataOf(await t.call(DISTRICT_OFFICE, 'records.get', { recordId: theirs.record.id })).record;
    expect(await t.call(STREET_OFFICE, 'records.confirmOnPaper', { recordId: theirs.record.id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(STREET_OFFICE, 'records.submit', { recordId: theirs.record.id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dataOf(await t.call(DISTRICT_OFFICE, 'records.get', { recordId: theirs.record.id })).record).toEqual(snapshot);
  });
});
