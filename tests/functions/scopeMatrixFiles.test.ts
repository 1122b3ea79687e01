import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { visitRecord } from '../support/builders';
import { restoreClock, standAt } from '../support/clock';
import { dumpDatabase } from '../support/databaseDump';
import type { TestCloud } from '../support/testCloud';
import { dataOf, openTestCloud } from '../support/testCloud';
import { planUploadFolder, recordUploadFolder } from '../../src/contract/uploads';

/**
 * Files in scope: a file is attached, listed and signed only within the thing it belongs to. A fileId
 * uploaded by someone else, or already held by another plan or record, is refused and nothing is written.
 */
jest.setTimeout(60_000);

let t: TestCloud;
let unit1: string;
let unit2: string;
let pairing1: string;
let serial = 0;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 10, 10));
  t = await openTestCloud();
  unit1 = t.district.pairings[0]!.unitId;
  unit2 = t.district.pairings[1]!.unitId;
  pairing1 = t.district.pairings[0]!._id;
});
afterAll(() => {
  t.close();
  restoreClock();
});

/** A PDF uploaded into a person's own folder, as the local server stores every upload; by default for unit 1's plan of 2026. */
async function uploadAs(openid: string, folder = planUploadFolder(2026, unit1)): Promise<string> {
  serial += 1;
  const result = (await wxServerSdk().uploadFile({ cloudPath: `uploads/${openid}/${folder}/${serial}.pdf`, fileContent: Buffer.from('%PDF-1.4\n%%EOF\n') })) as { fileID: string };
  return result.fileID;
}

const planOf = (subjectId: string, attachments: Array<{ fileId: string; name: string }>) => ({ subjectType: 'unit' as const, subjectId, year: 2026, text: '方案正文', attachments });

async function refusedWithoutWrites(openid: string, input: ReturnType<typeof planOf>): Promise<{ code: string; message: string; field?: string }> {
  const before = dumpDatabase(t.cloud);
  const result = await t.call(openid, 'plans.save', input);
  expect(dumpDatabase(t.cloud)).toBe(before);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

it('attaches a file its uploader sent, lists and signs it for the plan’s scope only', async () => {
  const fileId = await uploadAs('demo-liming');
  dataOf(await t.call('demo-liming', 'plans.save', planOf(unit1, [{ fileId, name: '方案.pdf' }])));
  const planId = `plan-2026-unit-${unit1}`;
  const seen = dataOf(await t.call('demo-zhoutao', 'plans.get', { planId }));
  expect(seen.plan.attachments).toEqual([{ fileId, name: '方案.pdf', url: expect.stringContaining('/__local/files/') }]);
  for (const outsider of ['demo-chenjing', 'demo-wangfang']) {
    expect(await t.call(outsider, 'plans.get', { planId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }
  const mine = dataOf(await t.call('demo-chenjing', 'plans.mine', { year: 2026 }));
  expect(JSON.stringify(mine)).not.toContain(fileId);
});

it('keeps a colleague’s attachment when the unit head edits the plan', async () => {
  const fileId = await uploadAs('demo-liming');
  dataOf(await t.call('demo-liming', 'plans.save', planOf(unit1, [{ fileId, name: '方案.pdf' }])));
  const saved = dataOf(await t.call('demo-zhaojun', 'plans.save', planOf(unit1, [{ fileId, name: '方案（改）.pdf' }])));
  expect(saved.plan.attachments.map((item) => item.fileId)).toEqual([fileId]);
});

it('refuses a fileId someone else uploaded, and writes nothing', async () => {
  const theirs = await uploadAs('demo-liming');
  const error = await refusedWithoutWrites('demo-chenjing', planOf(unit2, [{ fileId: theirs, name: '别人的.pdf' }]));
  expect(error).toEqual({ code: 'FORBIDDEN', message: expect.stringMatching(/本人/), field: 'attachments' });
});

it('refuses a file that is no one’s upload (an export, a bare path)', async () => {
  for (const fileId of ['cloud://local.local-bucket/exports/points/2026.xlsx', 'cloud://local.local-bucket/plans/a.pdf', 'cloud://local.local-bucket/uploads/../uploads/demo-liming/x.pdf']) {
    const error = await refusedWithoutWrites('demo-liming', planOf(unit1, [{ fileId, name: 'x.pdf' }]));
    expect(error.code).toBe('FORBIDDEN');
  }
});

it('refuses the uploader’s own file once it belongs to a record or to another plan', async () => {
  const photo = await uploadAs('demo-liming', recordUploadFolder(pairing1, 'k-photo'));
  dataOf(await t.call('demo-liming', 'records.save', { ...visitRecord(pairing1, '2026-06-09'), attachments: [{ fileId: photo, name: '照片1' }] }));
  // Uploaded for a record of pairing 1: never a plan's, whether a record holds it or not.
  expect(await refusedWithoutWrites('demo-liming', planOf(unit1, [{ fileId: photo, name: '照片.pdf' }]))).toEqual({ code: 'FORBIDDEN', message: '该文件不是为这里上传的，请重新上传附件', field: 'attachments' });
  // Uploaded for unit 1's plan: never unit 2's (a head of both units would be refused the same way).
  expect(await refusedWithoutWrites('demo-liming', planOf(unit1, [{ fileId: await uploadAs('demo-liming', planUploadFolder(2026, unit2)), name: '别的单位的.pdf' }]))).toMatchObject({ code: 'FORBIDDEN', field: 'attachments' });
  expect(await refusedWithoutWrites('demo-liming', planOf(unit1, [{ fileId: await uploadAs('demo-liming', planUploadFolder(2025, unit1)), name: '去年的.pdf' }]))).toMatchObject({ code: 'FORBIDDEN', field: 'attachments' });

  const onStreetPlan = await uploadAs('demo-sunli', planUploadFolder(2026, 'street-longcheng'));
  dataOf(await t.call('demo-sunli', 'plans.save', { subjectType: 'street', subjectId: 'street-longcheng', year: 2026, text: '结对安排', attachments: [{ fileId: onStreetPlan, name: '安排表.pdf' }] }));
  expect(await t.call('demo-sunli', 'plans.save', { subjectType: 'street', subjectId: 'street-longcheng', year: 2026, text: '结对安排（改）', attachments: [{ fileId: onStreetPlan, name: '安排表.pdf' }] })).toMatchObject({ ok: true });
});

it('refuses a record or a check-in photo made of someone else’s file or a file another record holds, and writes nothing', async () => {
  const theirs = await uploadAs('demo-chenjing', recordUploadFolder(pairing1, 'k-theirs'));
  const before = dumpDatabase(t.cloud);
  const onRecord = await t.call('demo-liming', 'records.save', { ...visitRecord(pairing1, '2026-06-08'), attachments: [{ fileId: theirs, name: '别人的照片' }] });
  expect(onRecord).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments', message: expect.stringMatching(/本人/) } });
  const asPhoto = await t.call('demo-liming', 'records.checkIn', { pairingId: pairing1, latitude: 22.72, longitude: 114.24, accuracy: 30, photoFileId: theirs });
  expect(asPhoto).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(dumpDatabase(t.cloud)).toBe(before);

  const mine = await uploadAs('demo-liming', recordUploadFolder(pairing1, 'k-mine'));
  const first = dataOf(await t.call('demo-liming', 'records.save', { ...visitRecord(pairing1, '2026-06-07'), attachments: [{ fileId: mine, name: '照片' }] }));
  // The same record keeps its own attachment when edited; another record cannot take it.
  expect(await t.call('demo-liming', 'records.save', { ...visitRecord(pairing1, '2026-06-07'), clientKey: first.record.id, content: '补充说明：走访了车间党小组。', attachments: [{ fileId: mine, name: '照片' }] })).toMatchObject({ ok: true });
  const unchanged = dumpDatabase(t.cloud);
  expect(await t.call('demo-liming', 'records.save', { ...visitRecord(pairing1, '2026-06-06'), attachments: [{ fileId: mine, name: '照片' }] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments', message: expect.stringMatching(/其他方案或记录/) } });
  expect(await t.call('demo-liming', 'records.checkIn', { pairingId: pairing1, latitude: 22.72, longitude: 114.24, accuracy: 30, photoFileId: mine })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments' } });
  expect(dumpDatabase(t.cloud)).toBe(unchanged);
});
