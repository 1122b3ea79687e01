/**
 * The office's unit and org screens and its workbench each come from one call: admin.unit and
 * admin.org answer the people and the streets to choose beside the details, admin.overview the party
 * leaders waiting. What they answer must be exactly what the separate actions answer, to the same
 * callers only: a paired unit sees an org's details, never its people; a street office chooses among
 * its own streets.
 */
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { dataOf, useTestCloudAt } from '../support/testCloud';

const cloud = useTestCloudAt(chinaInstant(2026, 6, 20, 10));
const pairing = () => cloud().district.pairings[0]!;
const allStreets = async () => dataOf(await cloud().call('demo-zhoutao', 'admin.overview', {})).streets;

describe('admin.unit answers its people and the streets to choose', () => {
  it.each([
    ['the district office', 'demo-zhoutao'],
    ['its street office', 'demo-sunli'],
    ['its worker', 'demo-liming'],
    ['its head', 'demo-zhaojun'],
  ])('for %s: the same people as admin.people', async (_who, openid) => {
    const unitId = pairing().unitId;
    const detail = dataOf(await cloud().call(openid, 'admin.unit', { unitId }));
    const people = dataOf(await cloud().call(openid, 'admin.people', { scopeType: 'unit', scopeId: unitId })).people;
    expect(people.length).toBeGreaterThan(0);
    expect(detail.people).toEqual(people);
  });

  it('lets the district office choose any street, its street office its own streets, and the unit’s own people only the street it is in', async () => {
    const unitId = pairing().unitId;
    const streets = await allStreets();
    expect(streets.length).toBeGreaterThan(1);
    expect(dataOf(await cloud().call('demo-zhoutao', 'admin.unit', { unitId })).streets).toEqual(streets);
    const own = dataOf(await cloud().call('demo-sunli', 'admin.overview', {})).streets;
    expect(own.length).toBeLessThan(streets.length);
    expect(dataOf(await cloud().call('demo-sunli', 'admin.unit', { unitId })).streets).toEqual(own);
    const asWorker = dataOf(await cloud().call('demo-liming', 'admin.unit', { unitId }));
    expect(asWorker.canManage).toBe(false);
    expect(asWorker.streets).toEqual([{ id: asWorker.unit.streetId, name: asWorker.unit.streetName }]);
  });

  it('answers the saved unit the same way', async () => {
    const unitId = pairing().unitId;
    const before = dataOf(await cloud().call('demo-zhoutao', 'admin.unit', { unitId }));
    const { unit } = before;
    const saved = dataOf(await cloud().call('demo-zhoutao', 'admin.saveUnit', { unitId, name: `${unit.name}（新）`, code: unit.code, level: unit.level, streetId: unit.streetId, contactName: unit.contactName, contactPhone: unit.contactPhone }));
    expect(saved.people).toEqual(before.people);
    expect(saved.streets).toEqual(before.streets);
  });
});

describe('admin.org answers its people only to those who may see them', () => {
  it('gives its leader and its offices the same people as admin.people', async () => {
    const orgId = pairing().orgId;
    for (const openid of ['demo-wangfang', 'demo-sunli', 'demo-zhoutao']) {
      const detail = dataOf(await cloud().call(openid, 'admin.org', { orgId }));
      expect(detail.people).toEqual(dataOf(await cloud().call(openid, 'admin.people', { scopeType: 'org', scopeId: orgId })).people);
      expect(detail.people!.length).toBeGreaterThan(0);
    }
  });

  it('shows its paired unit the details but not its people, and only the street it is in', async () => {
    const orgId = pairing().orgId;
    const detail = dataOf(await cloud().call('demo-liming', 'admin.org', { orgId }));
    expect(detail.org.id).toBe(orgId);
    expect(detail.people).toBeNull();
    expect(await cloud().call('demo-liming', 'admin.people', { scopeType: 'org', scopeId: orgId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(detail.streets).toEqual([{ id: detail.org.streetId, name: detail.org.streetName }]);
    expect(dataOf(await cloud().call('demo-wangfang', 'admin.org', { orgId })).streets).toEqual([{ id: detail.org.streetId, name: detail.org.streetName }]);
  });
});

describe('admin.overview answers the party leaders waiting', () => {
  it.each([
    ['the district office', 'demo-zhoutao'],
    ['a street office', 'demo-sunli'],
  ])('for %s: the same requests as admin.leaderRequests, counted', async (_who, openid) => {
    const overview = dataOf(await cloud().call(openid, 'admin.overview', {}));
    expect(overview.leaderRequests).toEqual(dataOf(await cloud().call(openid, 'admin.leaderRequests', {})).items);
    expect(overview.waiting.leaders).toBe(overview.leaderRequests.length);
  });

  it('lists the same people as home’s pending leaders, someone in the demo district', async () => {
    const overview = dataOf(await cloud().call('demo-zhoutao', 'admin.overview', {}));
    const ids = overview.leaderRequests.map((request) => `${request.personId}:${request.orgId}`).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(dataOf(await cloud().call('demo-zhoutao', 'session.pendingLeaders', {})).items.map((item) => `${item.personId}:${item.orgId}`).sort());
  });
});
