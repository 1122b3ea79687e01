import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { addMatrixPeople, matrixActors } from '../support/matrixActors';
import { visitRecord } from '../support/builders';
import { dataOf, useTestCloudAt } from '../support/testCloud';

/** 待核查的记录: the workbench's count and the list are one condition (flagged, handed in, this year, in scope). */
jest.setTimeout(60_000);

const cloud = useTestCloudAt(chinaInstant(2026, 6, 10, 10));
const db = () => wxServerSdk().database();

/** Flag the first `count` records of a pairing in this state (a test builder: the check-in would). */
async function flag(pairingId: string, state: string, count: number): Promise<string[]> {
  const found = ((await db().collection('records').where({ pairingId, state, year: 2026 }).limit(count).get()) as { data: Array<{ _id: string }> }).data;
  for (const record of found) await db().collection('records').doc(record._id).update({ data: { flagged: true, checkIn: { id: `c-${record._id}`, personId: 'p', at: new Date(), accuracyMetres: 300, distanceMetres: 2500, flags: ['outsideGeofence', 'poorAccuracy'], photoFileId: null } } });
  return found.map((record) => record._id);
}

/** Every row of the list, page by page (and those flagged by their check-in: other flags come from records across the demo year). */
async function listed(openid: string, limit: number): Promise<{ ids: string[]; total: number; byCheckIn: string[] }> {
  const ids: string[] = [];
  const byCheckIn: string[] = [];
  let total = 0;
  for (let offset = 0; ; offset += limit) {
    const answer = dataOf(await cloud().call(openid, 'admin.recordChecks', { offset, limit }));
    total = answer.page.total;
    ids.push(...answer.items.map((item) => item.id));
    byCheckIn.push(...answer.items.filter((item) => item.flags.includes('outsideGeofence') || item.flags.includes('poorAccuracy')).map((item) => item.id));
    if (answer.items.length < limit) break;
  }
  return { ids, total, byCheckIn };
}

let longcheng: string[] = [];
let elsewhere: string[] = [];
beforeAll(async () => {
  const t = cloud();
  await addMatrixPeople(t);
  const pairings = t.district.pairings;
  const inLongcheng = pairings.filter((pairing) => pairing.streetId === 'street-longcheng' && pairing.unitStreetId === 'street-longcheng');
  const outside = pairings.filter((pairing) => pairing.streetId !== 'street-longcheng' && pairing.unitStreetId !== 'street-longcheng');
  longcheng = [...(await flag(inLongcheng[0]!._id, 'confirmed', 3)), ...(await flag(inLongcheng[1]!._id, 'confirmed', 2))];
  elsewhere = await flag(outside[0]!._id, 'confirmed', 2);
  expect([longcheng.length, elsewhere.length]).toEqual([5, 2]);
  // A unit's own draft is not handed in yet: never counted.
  const draft = dataOf(await t.call(matrixActors.unitStaff, 'records.save', visitRecord(pairings[0]!._id, '2026-06-09'))).record.id;
  await db().collection('records').doc(draft).update({ data: { flagged: true } });
});

it.each([
  ['the street office', 'demo-sunli', () => longcheng],
  ['the district office', 'demo-zhoutao', () => [...longcheng, ...elsewhere]],
] as const)('%s: the workbench counts exactly what the list holds, page after page', async (_who, openid, expected) => {
  const overview = dataOf(await cloud().call(openid, 'admin.overview', {}));
  const list = await listed(openid, 2);
  expect(list.ids.length).toBe(list.total);
  expect(overview.waiting.records).toBe(list.total);
  expect(new Set(list.ids).size).toBe(list.ids.length);
  for (const id of expected()) expect(list.ids).toContain(id);
  expect(list.byCheckIn.sort()).toEqual([...expected()].sort());
  // The demo year itself carries no flags (its confirmations are spread over the day): only these are listed.
  expect(list.ids.length).toBe(expected().length);
});

it('another street’s office sees none of them', async () => {
  const list = await listed(matrixActors.otherStreetOffice, 20);
  for (const id of [...longcheng, ...elsewhere]) expect(list.ids).not.toContain(id);
  expect(dataOf(await cloud().call(matrixActors.otherStreetOffice, 'admin.overview', {})).waiting.records).toBe(list.total);
});

it('shows why each is to be checked', async () => {
  const first = dataOf(await cloud().call('demo-sunli', 'admin.recordChecks', {})).items.find((item) => item.id === longcheng[0]);
  expect(first?.flags).toEqual(['outsideGeofence', 'poorAccuracy']);
});

it('is for offices only', async () => {
  const result = await cloud().call(matrixActors.unitStaff, 'admin.recordChecks', {});
  expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
});
