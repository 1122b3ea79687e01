import { createHash } from 'node:crypto';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { moveTo } from '../support/clock';
import { addMatrixPeople, matrixActors } from '../support/matrixActors';
import { visitRecord } from '../support/builders';
import { dataOf, useTestCloudAt } from '../support/testCloud';

/**
 * Review flags seen across records (待核查的记录): the same spot to the metre on several days, a photo
 * already used on another record, a visit checked in far from the org, a burst of confirmations; and
 * an office marking a flagged record reviewed with a note.
 */
jest.setTimeout(120_000);

const cloud = useTestCloudAt(chinaInstant(2026, 6, 1, 10));
const db = () => wxServerSdk().database();
const WORKER = 'demo-liming';
const LEADER = 'demo-wangfang';
const STREET = 'demo-sunli';
const pairingId = () => cloud().district.pairings[0]!._id;

/** A document as stored, read straight from the local database. */
async function stored<T>(collection: string, id: string): Promise<T> {
  return ((await db().collection(collection).doc(id).get()) as { data: unknown }).data as T;
}
async function orgLocation(): Promise<{ latitude: number; longitude: number }> {
  return (await stored<{ location: { latitude: number; longitude: number } }>('orgs', cloud().district.pairings[0]!.orgId)).location;
}

/** A record saved (with a check-in or attachments) and sent to the leader; answers its id and confirm token. */
async function handedIn(date: string, extra: { checkInId?: string; attachments?: Array<{ fileId: string; name: string }>; kind?: 'monthlyVisit' | 'otherWork' } = {}): Promise<{ id: string; token: string }> {
  const saved = dataOf(await cloud().call(WORKER, 'records.save', visitRecord(pairingId(), date, extra)));
  const submitted = dataOf(await cloud().call(WORKER, 'records.submit', { recordId: saved.record.id, revision: 1 }));
  return { id: saved.record.id, token: submitted.link.token };
}

async function checkInAt(point: { latitude: number; longitude: number }, accuracy = 15): Promise<string> {
  return dataOf(await cloud().call(WORKER, 'records.checkIn', { pairingId: pairingId(), latitude: point.latitude, longitude: point.longitude, accuracy })).checkIn.id;
}

let uploads = 0;
async function upload(bytes: Buffer): Promise<string> {
  uploads += 1;
  const result = (await wxServerSdk().uploadFile({ cloudPath: `uploads/${WORKER}/records/${pairingId()}/k-${uploads}/photo.jpg`, fileContent: bytes })) as { fileID: string };
  return result.fileID;
}

/** Every row of the office's list, page by page, with the total it announced. */
async function listed(openid: string, reviewed = false): Promise<{ items: Array<{ id: string; flags: readonly string[]; review: { note: string; byName: string; flags: readonly string[] } | null }>; total: number }> {
  const items: Array<{ id: string; flags: readonly string[]; review: { note: string; byName: string; flags: readonly string[] } | null }> = [];
  let total = 0;
  for (let offset = 0; ; offset += 3) {
    const answer = dataOf(await cloud().call(openid, 'admin.recordChecks', { offset, limit: 3, ...(reviewed ? { reviewed } : {}) }));
    total = answer.page.total;
    items.push(...answer.items);
    if (answer.items.length < 3) break;
  }
  return { items, total };
}
const flagsOf = async (id: string, openid = STREET) => (await listed(openid)).items.find((item) => item.id === id)?.flags ?? [];

const ids: Record<'spot' | 'photo' | 'far' | 'burst', string[]> = { spot: [], photo: [], far: [], burst: [] };
const photoBytes = Buffer.from('same photo bytes, uploaded twice under two names');

beforeAll(async () => {
  await addMatrixPeople(cloud());
  const org = await orgLocation();
  // The same coordinates to the metre on three days (a frozen or faked location).
  const frozen = { latitude: org.latitude + 0.0004, longitude: org.longitude + 0.0003 };
  for (const [day, date] of [[1, '2026-06-01'], [2, '2026-06-02'], [3, '2026-06-03']] as const) {
    moveTo(chinaInstant(2026, 6, day, 10));
    ids.spot.push((await handedIn(date, { checkInId: await checkInAt(frozen) })).id);
  }
  // One photo on two records, uploaded again under a new file name.
  ids.photo.push((await handedIn('2026-06-03', { kind: 'otherWork', attachments: [{ fileId: await upload(photoBytes), name: '现场照片.jpg' }] })).id);
  ids.photo.push((await handedIn('2026-06-03', { kind: 'otherWork', attachments: [{ fileId: await upload(Buffer.from(photoBytes)), name: '照片.jpg' }] })).id);
  // A visit whose check-in is about 5.5 km from the org.
  ids.far.push((await handedIn('2026-06-03', { checkInId: await checkInAt({ latitude: org.latitude + 0.05, longitude: org.longitude }) })).id);
  // Five records confirmed by the leader at one moment.
  const burst = [];
  for (let i = 0; i < 5; i += 1) burst.push(await handedIn('2026-06-03', { kind: 'otherWork' }));
  for (const record of burst) dataOf(await cloud().call(LEADER, 'records.confirm', { token: record.token }));
  ids.burst = burst.map((record) => record.id);
});

it('flags the same coordinates to the metre on three different days, on each of those records', async () => {
  for (const id of ids.spot) expect(await flagsOf(id)).toContain('sameSpotManyDays');
});

it('stores a hash of the spot, never the coordinates, on the record', async () => {
  const record = await stored<{ checkIn: Record<string, unknown> }>('records', ids.spot[0]!);
  expect(record.checkIn['spotHash']).toMatch(/^[0-9a-f]{64}$/);
  expect(record.checkIn['position']).toBeUndefined();
  expect(JSON.stringify(record)).not.toMatch(/latitude|longitude/);
});

it('flags a photo already used on another record by its content (hashed by the server from the stored bytes)', async () => {
  for (const id of ids.photo) expect(await flagsOf(id)).toEqual(['photoReused']);
  expect((await stored<{ photoHashes: string[] }>('records', ids.photo[0]!)).photoHashes).toEqual([createHash('sha256').update(photoBytes).digest('hex')]);
  // Records with other photos or none are not flagged for it.
  for (const id of ids.burst) expect(await flagsOf(id)).not.toContain('photoReused');
});

it('flags a visit whose check-in is far from the org', async () => {
  expect(await flagsOf(ids.far[0]!)).toEqual(['outsideGeofence', 'visitFarFromOrg']);
});

it('flags each of five records one leader confirmed within a minute', async () => {
  for (const id of ids.burst) expect(await flagsOf(id)).toEqual(['confirmBurst']);
});

it('the workbench counts exactly what the list holds, page after page, and another street sees none of them', async () => {
  const list = await listed(STREET);
  expect(list.items.length).toBe(list.total);
  expect(dataOf(await cloud().call(STREET, 'admin.overview', {})).waiting.records).toBe(list.total);
  const other = await listed(matrixActors.otherStreetOffice);
  for (const id of Object.values(ids).flat()) expect(other.items.map((item) => item.id)).not.toContain(id);
});

describe('marking a flagged record reviewed', () => {
  it('takes it out of 待核查 and the count; its flags and the note stay visible, and the audit trail keeps it', async () => {
    const before = await listed(STREET);
    const waiting = dataOf(await cloud().call(STREET, 'admin.overview', {})).waiting.records;
    const answer = dataOf(await cloud().call(STREET, 'admin.reviewRecordCheck', { recordId: ids.photo[0]!, note: '  已电话核实：同一次活动的照片，两条记录分别写了两项工作。 ' }));
    expect(answer.item.review).toMatchObject({ note: '已电话核实：同一次活动的照片，两条记录分别写了两项工作。', flags: ['photoReused'] });

    const after = await listed(STREET);
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((item) => item.id)).not.toContain(ids.photo[0]);
    expect(dataOf(await cloud().call(STREET, 'admin.overview', {})).waiting.records).toBe(waiting - 1);
    const reviewed = await listed(STREET, true);
    expect(reviewed.items.find((item) => item.id === ids.photo[0])).toMatchObject({ flags: ['photoReused'], review: { note: '已电话核实：同一次活动的照片，两条记录分别写了两项工作。', flags: ['photoReused'] } });

    const audit = ((await db().collection('auditTrail').where({ action: 'record.review' }).get()) as { data: unknown[] }).data as Array<{ note: string; streetIds: string[] }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ note: '已电话核实：同一次活动的照片，两条记录分别写了两项工作。' });
    expect(audit[0]!.streetIds).toContain('street-longcheng');
  });

  it('the record page shows the offices over it the flags and 已核查 with the office, time and note; the worker and the leader get neither', async () => {
    const note = '已电话核实：同一次活动的照片，两条记录分别写了两项工作。';
    for (const office of [STREET, 'demo-zhoutao']) {
      const seen = dataOf(await cloud().call(office, 'records.get', { recordId: ids.photo[0]! })).record;
      expect(seen.checks).toEqual({ flags: ['photoReused'], review: { at: expect.any(String), byName: expect.any(String), byOffice: '龙城街道党群共建办', note, flags: ['photoReused'] } });
    }
    // Not yet reviewed: the flags, no review.
    expect(dataOf(await cloud().call(STREET, 'records.get', { recordId: ids.photo[1]! })).record.checks).toEqual({ flags: ['photoReused'], review: null });
    for (const sideOfRecord of [WORKER, LEADER]) {
      const answer = await cloud().call(sideOfRecord, 'records.get', { recordId: ids.photo[0]! });
      expect(answer.ok).toBe(true);
      const text = JSON.stringify(answer);
      expect(text).not.toContain('已电话核实');
      expect(text).not.toContain('photoReused');
      expect(text).not.toContain('"checks"');
      expect(text).not.toContain('"review"');
    }
  });

  it('answers that a reviewed record was already reviewed, and refuses an empty note', async () => {
    const again = await cloud().call(STREET, 'admin.reviewRecordCheck', { recordId: ids.photo[0]!, note: '再看一次' });
    expect(again.ok ? 'ok' : again.error.code).toBe('ALREADY_DONE');
    const empty = await cloud().call(STREET, 'admin.reviewRecordCheck', { recordId: ids.photo[1]!, note: '   ' });
    expect(empty.ok ? 'ok' : empty.error).toMatchObject({ code: 'INVALID_INPUT', message: '请填写核查说明' });
  });

  it('is refused to another street’s office and to the unit, writing nothing', async () => {
    const count = await cloud().count('auditTrail');
    const other = await cloud().call(matrixActors.otherStreetOffice, 'admin.reviewRecordCheck', { recordId: ids.photo[1]!, note: '越权' });
    expect(other.ok ? 'ok' : other.error.code).toBe('NOT_FOUND');
    const unit = await cloud().call(WORKER, 'admin.reviewRecordCheck', { recordId: ids.photo[1]!, note: '自己核查' });
    expect(unit.ok ? 'ok' : unit.error.code).toBe('FORBIDDEN');
    expect(await cloud().count('auditTrail')).toBe(count);
    expect(await flagsOf(ids.photo[1]!)).toEqual(['photoReused']);
  });

  it('a flag that appears after the review brings the record back to 待核查, with the note kept', async () => {
    dataOf(await cloud().call(STREET, 'admin.reviewRecordCheck', { recordId: ids.far[0]!, note: '当天在外开会，事后补签到' }));
    expect((await listed(STREET)).items.map((item) => item.id)).not.toContain(ids.far[0]);
    // Later the same photo as on two other records is found on it (as records.save would store it).
    await db().collection('records').doc(ids.far[0]!).update({ data: { photoHashes: [createHash('sha256').update(photoBytes).digest('hex')] } });
    const back = (await listed(STREET)).items.find((item) => item.id === ids.far[0]);
    expect(back).toMatchObject({ flags: ['outsideGeofence', 'photoReused', 'visitFarFromOrg'], review: { note: '当天在外开会，事后补签到', flags: ['outsideGeofence', 'visitFarFromOrg'] } });
  });
});
