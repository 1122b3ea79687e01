/**
 * A file is attached to one thing only, and checking that costs no request of its own and never reads
 * a whole collection: a file's folder names what it was uploaded for (src/contract/uploads.ts), only
 * a file uploaded for it may be attached, so the other holders can only be records (or check-ins) of
 * the same pairing, read through the pairing index.
 */
import { checkInUploadFolder, recordUploadFolder, uploadPurposeOf } from '../../src/contract/uploads';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { visitRecord } from '../support/builders';
import { dumpDatabase } from '../support/databaseDump';
import { dataOf, useTestCloudAt } from '../support/testCloud';

const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));
const pairing = (index: number) => cloud().district.pairings[index]!;

let uploads = 0;
async function upload(openid: string, folder: string): Promise<string> {
  uploads += 1;
  const result = (await wxServerSdk().uploadFile({ cloudPath: `uploads/${openid}/${folder}/photo-${uploads}.jpg`, fileContent: Buffer.from(`photo ${uploads}`) })) as { fileID: string };
  return result.fileID;
}

const documentsRead = () => (cloud().cloud.db.stats as unknown as { documentsRead: number }).documentsRead;

describe('the one holder of a file', () => {
  it('is looked for among the pairing’s own records only, however many records the district has', async () => {
    const t = cloud();
    // 3,000 records of another pairing, each with an attachment.
    const other = pairing(5);
    const db = wxServerSdk().database();
    for (let index = 0; index < 3000; index += 1) {
      await db.collection('records').add({ data: { ...visitRecord(other._id, '2026-10-01'), _id: `bulk-${index}`, unitId: other.unitId, orgId: other.orgId, unitStreetId: other.unitStreetId, streetId: other.streetId, state: 'draft', year: 2026, revision: 1, history: [], attachments: [{ fileId: `cloud://local.local-bucket/uploads/x/records/${other._id}/k/${index}.jpg`, name: 'x.jpg' }], createdAt: new Date(), updatedAt: new Date() } });
    }
    const photo = await upload('demo-liming', recordUploadFolder(pairing(0)._id, 'k-first'));
    t.cloud.db.resetStats();
    const first = dataOf(await t.call('demo-liming', 'records.save', { ...visitRecord(pairing(0)._id, '2026-11-12', { kind: 'otherWork' }), attachments: [{ fileId: photo, name: '现场照片.jpg' }] }));
    expect(t.cloud.db.stats.requests).toBeLessThanOrEqual(3);
    // The caller, the pairing with its record and the pairing's own records: far from the 3,000.
    expect(documentsRead()).toBeLessThan(200);

    // Still found: another record of the pairing cannot take the file, and nothing is written.
    const before = dumpDatabase(t.cloud);
    const taken = await t.call('demo-liming', 'records.save', { ...visitRecord(pairing(0)._id, '2026-11-13', { kind: 'otherWork' }), attachments: [{ fileId: photo, name: '同一张.jpg' }] });
    expect(taken).toEqual({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments', message: '该文件已附在其他方案或记录上，请重新上传附件' } });
    expect(dumpDatabase(t.cloud)).toBe(before);
    // Its own record keeps it when edited.
    expect(await t.call('demo-liming', 'records.save', { ...visitRecord(pairing(0)._id, '2026-11-12', { kind: 'otherWork' }), clientKey: first.record.id, content: '补充：走访车间党小组。', attachments: [{ fileId: photo, name: '现场照片.jpg' }] })).toMatchObject({ ok: true });
  });

  it('refuses a file uploaded for another pairing’s record, or for a check-in, on a record — and writes nothing', async () => {
    const t = cloud();
    // The street office enters paper records for two pairings of its street.
    const [a, b] = t.district.pairings.filter((candidate) => candidate.unitStreetId === 'street-longcheng' && candidate.streetId === 'street-longcheng');
    const scan = await upload('demo-sunli', recordUploadFolder(a!._id, 'paper'));
    const before = dumpDatabase(t.cloud);
    const elsewhere = await t.call('demo-sunli', 'records.save', { ...visitRecord(b!._id, '2026-11-10'), paper: true, attachments: [{ fileId: scan, name: '扫描件.jpg' }] });
    expect(elsewhere).toEqual({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments', message: '该文件不是为这里上传的，请重新上传附件' } });
    const gate = await upload('demo-liming', checkInUploadFolder(pairing(0)._id));
    const asRecord = await t.call('demo-liming', 'records.save', { ...visitRecord(pairing(0)._id, '2026-11-10', { kind: 'otherWork' }), attachments: [{ fileId: gate, name: '签到照片.jpg' }] });
    expect(asRecord).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments' } });
    expect(dumpDatabase(t.cloud)).toBe(before);
    // Uploaded for the right pairing, it is taken.
    expect(await t.call('demo-sunli', 'records.save', { ...visitRecord(a!._id, '2026-11-10'), paper: true, attachments: [{ fileId: scan, name: '扫描件.jpg' }] })).toMatchObject({ ok: true });
  });

  it('refuses a check-in photo uploaded for another pairing, or one another check-in of the pairing holds', async () => {
    const t = cloud();
    const gate = await upload('demo-liming', checkInUploadFolder(pairing(0)._id));
    const at = { latitude: 22.72, longitude: 114.25, accuracy: 25 };
    dataOf(await t.call('demo-liming', 'records.checkIn', { pairingId: pairing(0)._id, ...at, photoFileId: gate }));
    const before = dumpDatabase(t.cloud);
    expect(await t.call('demo-liming', 'records.checkIn', { pairingId: pairing(0)._id, ...at, photoFileId: gate })).toEqual({ ok: false, error: { code: 'FORBIDDEN', field: 'attachments', message: '该文件已附在其他方案或记录上，请重新上传附件' } });
    const forOther = await upload('demo-liming', checkInUploadFolder(pairing(1)._id));
    expect(await t.call('demo-liming', 'records.checkIn', { pairingId: pairing(0)._id, ...at, photoFileId: forOther })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '该文件不是为这里上传的，请重新上传附件' } });
    expect(dumpDatabase(t.cloud)).toBe(before);
  });
});

describe('what an uploaded file’s folder says it is for', () => {
  it.each([
    ['cloud://env.bucket/uploads/demo-liming/records/pairing-2026-001/k-1/a.jpg', { kind: 'record', pairingId: 'pairing-2026-001' }],
    ['cloud://env.bucket/uploads/person-1/records/pairing-2026-001/paper/a.jpg', { kind: 'record', pairingId: 'pairing-2026-001' }],
    ['cloud://env.bucket/uploads/demo-liming/checkins/pairing-2026-001/a.jpg', { kind: 'checkIn', pairingId: 'pairing-2026-001' }],
    ['cloud://env.bucket/uploads/demo-liming/plans/2026/unit-001/a.pdf', { kind: 'plan', year: 2026, subjectId: 'unit-001' }],
  ])('%s', (fileId, purpose) => {
    expect(uploadPurposeOf(fileId)).toEqual(purpose);
  });

  it.each([
    'cloud://env.bucket/uploads/demo-liming/records/a.jpg',
    'cloud://env.bucket/uploads/demo-liming/records//k/a.jpg',
    'cloud://env.bucket/uploads/demo-liming/records/../checkins/p/a.jpg',
    'cloud://env.bucket/uploads/demo-liming/checkins/pairing-2026-001/../../records/p/a.jpg',
    'cloud://env.bucket/uploads/demo-liming/plans/26/unit-001/a.pdf',
    'cloud://env.bucket/exports/records/pairing-2026-001/a.jpg',
    'cloud://env.bucket/uploads/records/pairing-2026-001/k/a.jpg',
    'records/pairing-2026-001/k/a.jpg',
  ])('names nothing: %s', (fileId) => {
    expect(uploadPurposeOf(fileId)).toBeUndefined();
  });
});
