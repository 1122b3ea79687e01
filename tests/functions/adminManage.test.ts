import { wgs84ToGcj02 } from '../../src/domain/admin/coordinates';
import { distanceMetres } from '../../src/domain/geo/geofence';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { visitRecord } from '../support/builders';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';

const district = 'demo-zhoutao';
const street = 'demo-sunli';

let t: TestCloud;
let clock = chinaInstant(2026, 6, 10, 10).getTime();
/** Each step a minute later than the last (and than the seeded demo history), so the trail's order is certain. */
const tick = () => {
  clock += 60_000;
  moveTo(new Date(clock));
};
beforeAll(async () => {
  standAt(new Date(clock));
  t = await openTestCloud();
});
beforeEach(tick);
afterAll(() => {
  t.close();
  restoreClock();
});

const db = () => wxServerSdk().database();
async function docs<T>(collection: string, where: object): Promise<T[]> {
  return ((await db().collection(collection).where(where).limit(1000).get()) as unknown as { data: T[] }).data;
}
const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
};

describe('units', () => {
  it('renames a unit in place and keeps every pairing’s copy in step, with an audit entry', async () => {
    const unit = t.district.units[0]!;
    const detail = ok(await t.call(district, 'admin.saveUnit', { unitId: unit._id, name: '区发展和改革委员会', code: unit.code, level: unit.level, streetId: unit.streetId, contactName: '赵主任', contactPhone: '0755-28900000' }));
    expect(detail.unit).toMatchObject({ name: '区发展和改革委员会', contactName: '赵主任', streetName: '龙城街道' });
    expect(await docs('pairings', { unitId: unit._id })).toEqual([expect.objectContaining({ unitName: '区发展和改革委员会' })]);
    const [entry] = await docs<{ action: string; changes: unknown[]; actorName: string }>('auditTrail', { unitId: unit._id, action: 'unit.update' });
    expect(entry).toMatchObject({ actorName: '周涛', changes: expect.arrayContaining([{ field: '单位名称', before: '区发展和改革局', after: '区发展和改革委员会' }]) });
    // The unit's records still open, under the unit's pairing.
    expect(ok(await t.call('demo-liming', 'records.home', {}))).toBeTruthy();
  });

  it('refuses a name or code already used, and bad input, writing nothing', async () => {
    const unit = t.district.units[1]!;
    const before = await t.count('auditTrail');
    expect(await t.call(district, 'admin.saveUnit', { unitId: unit._id, name: '区科技创新局', level: unit.level, streetId: unit.streetId })).toEqual({ ok: false, error: { code: 'CONFLICT', message: '已有名为“区科技创新局”的单位', field: 'name' } });
    expect(await t.call(district, 'admin.saveUnit', { name: '全新单位', code: 'U003', level: 'districtDirect', streetId: 'street-buji' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'code' } });
    expect(await t.call(district, 'admin.saveUnit', { name: '', level: 'districtDirect', streetId: 'street-buji' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写单位名称', field: 'name' } });
    expect(await t.call(district, 'admin.saveUnit', { name: '全新单位', level: 'districtDirect', streetId: 'street-nowhere' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '街道不存在', field: 'streetId' } });
    expect(await t.count('auditTrail')).toBe(before);
    expect(await t.count('units', { name: '全新单位' })).toBe(0);
  });

  it('lets a street office create units in its street only', async () => {
    expect(ok(await t.call(street, 'admin.saveUnit', { name: '龙城街道新机关', level: 'streetAgency', streetId: 'street-longcheng' })).unit.code).toMatch(/^U[A-Z0-9]{7}$/);
    expect(await t.call(street, 'admin.saveUnit', { name: '布吉街道新机关', level: 'streetAgency', streetId: 'street-buji' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能把单位放到您管理范围以外的街道' } });
  });
});

describe('orgs', () => {
  it('stores a point picked on WeChat’s map (GCJ-02) as WGS-84', async () => {
    const org = t.district.orgs[2]!;
    const truth = { latitude: 22.7215, longitude: 114.2501 };
    const picked = wgs84ToGcj02(truth);
    const detail = ok(await t.call(district, 'admin.saveOrg', { orgId: org._id, name: org.name, kind: org.kind, streetId: org.streetId, address: org.address, location: { ...picked, system: 'gcj02' }, partyMembers: org.partyMembers, partyOrgForm: org.partyOrgForm }));
    expect(distanceMetres(detail.org.location, truth)).toBeLessThan(0.2);
    expect(distanceMetres(picked, truth)).toBeGreaterThan(200);
  });

  it('lets an org’s leader correct its address and location, not its name or street', async () => {
    const org = t.district.orgs[0]!;
    const base = { orgId: org._id, name: org.name, kind: org.kind, streetId: org.streetId, location: { latitude: 22.73, longitude: 114.25 }, partyMembers: 9, partyOrgForm: 'standalone' as const };
    expect(ok(await t.call('demo-wangfang', 'admin.saveOrg', { ...base, address: '龙城街道新址 8 号', contactPhone: '13900000000' })).org).toMatchObject({ address: '龙城街道新址 8 号', partyMembers: 9, contactPhone: '13900000000' });
    expect(await t.call('demo-wangfang', 'admin.saveOrg', { ...base, name: '改名公司' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '组织名称、编码、类型和所在街道只能由党群共建办修改' } });
    expect(await t.call('demo-liuyang', 'admin.saveOrg', { ...base, orgId: t.district.pairings[1]!.orgId })).toMatchObject({ ok: false, error: { code: 'PENDING_APPROVAL' } });
    expect(await t.call(district, 'admin.saveOrg', { ...base, location: { latitude: 0, longitude: 0 } })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/不在中国大陆范围内/), field: 'location' } });
  });

  it('renames an org and its pairings’ copies together', async () => {
    const org = t.district.orgs[0]!;
    ok(await t.call(district, 'admin.saveOrg', { orgId: org._id, name: '深圳华星光电技术有限公司', kind: org.kind, streetId: org.streetId, location: { latitude: 22.73, longitude: 114.25 } }));
    expect(await docs('pairings', { orgId: org._id })).toEqual([expect.objectContaining({ orgName: '深圳华星光电技术有限公司' })]);
  });
});

describe('pairings', () => {
  it('changes partner mid-year: the old pairing ends yesterday with its records, a new one starts today', async () => {
    const pairing = t.district.pairings[2]!;
    const saved = ok(await t.call('demo-wuhua', 'records.save', visitRecord(pairing._id, '2026-06-01')));
    const freeOrg = t.district.orgs.find((candidate) => !t.district.pairings.some((other) => other.orgId === candidate._id))!;
    const result = ok(await t.call(district, 'admin.savePairing', { unitId: pairing.unitId, orgId: freeOrg._id, year: 2026 }));
    expect(result).toMatchObject({ unchanged: false, ended: { id: pairing._id, endDate: '2026-06-09' }, pairing: { orgId: freeOrg._id, startDate: '2026-06-10', endDate: null } });
    expect(ok(await t.call(district, 'records.get', { recordId: saved.record.id })).record.pairingId).toBe(pairing._id);
    expect(ok(await t.call(district, 'admin.savePairing', { unitId: pairing.unitId, orgId: freeOrg._id, year: 2026 })).unchanged).toBe(true);
    expect(await t.call(district, 'admin.savePairing', { unitId: t.district.pairings[3]!.unitId, orgId: freeOrg._id, year: 2026 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'orgId' } });
    expect(ok(await t.call(district, 'admin.unit', { unitId: pairing.unitId })).pairings.map((item) => item.endDate)).toEqual([null, '2026-06-09']);
  });

  it('ends a pairing on a day, once', async () => {
    const pairing = t.district.pairings[4]!;
    expect(ok(await t.call(district, 'admin.endPairing', { pairingId: pairing._id, endDate: '2026-06-30' })).pairing.endDate).toBe('2026-06-30');
    expect(await t.call(district, 'admin.endPairing', { pairingId: pairing._id, endDate: '2026-07-30' })).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
  });
});

describe('people and invitations', () => {
  it('lists a unit’s people, makes one its head, removes one; a removed person can no longer act for the unit', async () => {
    const unitId = t.district.pairings[0]!.unitId;
    const people = ok(await t.call(district, 'admin.people', { scopeType: 'unit', scopeId: unitId })).people;
    expect(people.map((person) => person.name).sort()).toEqual(['李明', '赵军']);
    expect(ok(await t.call('demo-zhaojun', 'admin.setUnitRole', { personId: 'person-liming', unitId, role: 'unitHead' })).person.grants).toEqual([expect.objectContaining({ role: 'unitHead', scopeId: unitId })]);
    expect(await t.call('demo-chenjing', 'admin.removeGrant', { personId: 'person-liming', role: 'unitHead', scopeId: unitId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    tick();
    ok(await t.call('demo-zhaojun', 'admin.removeGrant', { personId: 'person-liming', role: 'unitHead', scopeId: unitId }));
    expect(await t.call('demo-liming', 'records.save', visitRecord(t.district.pairings[0]!._id, '2026-06-02'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(district, 'admin.removeGrant', { personId: 'person-liming', role: 'unitHead', scopeId: unitId })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '此人没有该身份' } });
    expect((await docs<{ personId: string }>('auditTrail', { personId: 'person-liming' })).length).toBe(2);
  });

  it('counts on the workbench exactly what waits for the office: leaders to approve, complaints to answer', async () => {
    for (const office of [district, street]) {
      const { waiting } = ok(await t.call(office, 'admin.overview', {}));
      expect(waiting.leaders).toBe(ok(await t.call(office, 'session.pendingLeaders', {})).items.length);
      expect(waiting.feedback).toBe(ok(await t.call(office, 'feedback.list', { state: 'pending' })).items.length);
    }
    expect(ok(await t.call(district, 'admin.overview', {})).waiting.leaders).toBeGreaterThan(0);
  });

  it('lets the district office find people and make one a street office member', async () => {
    const found = ok(await t.call(district, 'admin.people', { scopeType: 'any', search: '陈' })).people;
    expect(found.map((person) => person.name)).toEqual(['陈静']);
    ok(await t.call(district, 'admin.grantOffice', { personId: found[0]!.id, role: 'streetOffice', scopeId: 'street-buji' }));
    expect(ok(await t.call('demo-chenjing', 'admin.overview', {})).streets).toEqual([{ id: 'street-buji', name: '布吉街道' }]);
    expect(await t.call(district, 'admin.grantOffice', { personId: found[0]!.id, role: 'streetOffice', scopeId: 'street-buji' })).toMatchObject({ ok: false, error: { message: '此人已有该身份' } });
    expect(await t.call(district, 'admin.removeGrant', { personId: 'person-zhoutao', role: 'districtOffice', scopeId: 'district' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('answers invitations asked at once, the first time, with the one standing code', async () => {
    const unitId = t.district.units[6]!._id;
    const both = await Promise.all([t.call(district, 'session.invite', { scopeType: 'unit', scopeId: unitId }), t.call(district, 'session.invite', { scopeType: 'unit', scopeId: unitId })]);
    const [first, second] = both.map(ok);
    expect(second!.code).toBe(first!.code);
    expect(await t.count('invitations', { scopeId: unitId })).toBe(1);
  });

  it('revokes an invitation code: the old code stops working, the next invitation has a new code', async () => {
    const unitId = t.district.units[5]!._id;
    const first = ok(await t.call(district, 'session.invite', { scopeType: 'unit', scopeId: unitId }));
    expect(ok(await t.call(district, 'admin.invitations', { scopeType: 'unit', scopeId: unitId })).items).toEqual([expect.objectContaining({ code: first.code, revokedAt: null })]);
    expect(ok(await t.call(district, 'admin.revokeInvitation', { scopeType: 'unit', scopeId: unitId }))).toEqual({ revoked: 1 });
    expect(await t.call('openid-newcomer', 'session.join', { code: first.code, name: '新人' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const second = ok(await t.call(district, 'session.invite', { scopeType: 'unit', scopeId: unitId }));
    expect(second.code).not.toBe(first.code);
    expect(ok(await t.call('openid-newcomer', 'session.join', { code: second.code, name: '新人' })).grant.scopeId).toBe(unitId);
    const listed = ok(await t.call(district, 'admin.invitations', { scopeType: 'unit', scopeId: unitId })).items;
    expect(listed.map((item) => [item.code, item.revokedAt === null])).toEqual(expect.arrayContaining([[first.code, false], [second.code, true]]));
  });
});

describe('the audit trail', () => {
  it('merges admin changes with the records’ own history, filtered by unit, newest first', async () => {
    const pairing = t.district.pairings[2]!;
    const trail = ok(await t.call(district, 'admin.audit', { unitId: pairing.unitId }));
    const titles = trail.items.map((item) => item.title);
    expect(titles).toEqual(expect.arrayContaining(['更换结对组织', '新建记录']));
    expect(trail.items.map((item) => item.at)).toEqual([...trail.items.map((item) => item.at)].sort().reverse());
    expect(trail.items.find((item) => item.source === 'record')).toMatchObject({ actorName: '吴华', subjectName: expect.stringContaining('一月一到访') });
  });

  it('shows record histories under 全部, and a record edit by the Chinese names of its fields', async () => {
    const unitId = t.district.pairings[2]!.unitId;
    const current = (await docs<{ _id: string; endDate: string | null }>('pairings', { unitId })).find((pairing) => pairing.endDate === null)!;
    const draft = visitRecord(current._id, '2026-06-10');
    ok(await t.call('demo-wuhua', 'records.save', draft));
    tick();
    ok(await t.call('demo-wuhua', 'records.save', { ...draft, content: `${draft.content}补充走访情况。`, participants: { ...draft.participants, unit: { count: 3, names: ['李明', '赵军', '吴华'] } } }));
    const everything = ok(await t.call(district, 'admin.audit', { limit: 100 })).items;
    const edit = everything.find((item) => item.source === 'record' && item.title === '修改记录');
    expect(edit).toBeDefined();
    expect(edit!.changes).toEqual([expect.objectContaining({ field: '工作内容', edited: true }), expect.objectContaining({ field: '参加人员', edited: true })]);
    expect(everything.some((item) => item.source === 'admin')).toBe(true);
  });

  it('filters by person (changes to them and by them) and keeps a street office to its streets', async () => {
    const aboutLiming = ok(await t.call(district, 'admin.audit', { personId: 'person-liming' })).items;
    expect(aboutLiming.filter((item) => item.source === 'admin').map((item) => item.title)).toEqual(['移出人员', '调整角色']);
    expect(aboutLiming.filter((item) => item.source === 'record').every((item) => item.actorName === '李明')).toBe(true);
    const byZhoutao = ok(await t.call(district, 'admin.audit', { personId: 'person-zhoutao' })).items;
    expect(byZhoutao.length).toBeGreaterThan(5);
    const streetTrail = ok(await t.call(street, 'admin.audit', {})).items;
    expect(streetTrail.length).toBeGreaterThan(0);
    expect(streetTrail.every((item) => item.subjectName !== '陈静')).toBe(true);
    expect(await t.call('demo-liming', 'admin.audit', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
