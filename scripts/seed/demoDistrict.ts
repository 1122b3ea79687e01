/**
 * A realistic demo district (龙岗区-like): streets, units, orgs with coordinates, this year's
 * pairings and people in every role. Deterministic: the same call gives the same district.
 */
import type { OrgKind, PartyOrgForm, UnitLevel } from '../../src/domain/catalog/organisations';
import { arrangerOf } from '../../src/domain/catalog/organisations';
import type { Role } from '../../src/contract/people';
import { roleScope } from '../../src/contract/people';
import type { OrgDocument, PairingDocument, PersonDocument, StreetDocument, UnitDocument } from '../../server/db/documents';
import { seededRandom } from './seededRandom';

interface StreetSeed {
  readonly code: string;
  readonly name: string;
  readonly centre: readonly [number, number];
}

const streets: readonly StreetSeed[] = [
  { code: 'longcheng', name: '龙城街道', centre: [22.7205, 114.2468] },
  { code: 'longgang', name: '龙岗街道', centre: [22.7321, 114.2762] },
  { code: 'buji', name: '布吉街道', centre: [22.6036, 114.1231] },
  { code: 'bantian', name: '坂田街道', centre: [22.6326, 114.0721] },
  { code: 'henggang', name: '横岗街道', centre: [22.6421, 114.2087] },
];

const districtUnits: ReadonlyArray<readonly [string, UnitLevel]> = [
  ['区发展和改革局', 'districtDirect'],
  ['区教育局', 'districtDirect'],
  ['区科技创新局', 'districtDirect'],
  ['区工业和信息化局', 'districtDirect'],
  ['区民政局', 'districtDirect'],
  ['区司法局', 'districtDirect'],
  ['区财政局', 'districtDirect'],
  ['区人力资源局', 'districtDirect'],
  ['区住房和建设局', 'districtDirect'],
  ['区交通运输局', 'districtDirect'],
  ['区商务局', 'districtDirect'],
  ['区卫生健康局', 'districtDirect'],
  ['区应急管理局', 'districtDirect'],
  ['区税务局', 'districtStationed'],
  ['龙岗供电局', 'districtStationed'],
  ['区人民医院', 'publicInstitution'],
  ['区图书馆', 'publicInstitution'],
  ['区职业训练学校', 'publicInstitution'],
];

const streetUnitNames = ['街道办事处', '街道社区服务中心', '派出所'] as const;

const orgNames: ReadonlyArray<readonly [string, OrgKind]> = [
  ['深圳华星光电科技有限公司', 'enterprise'],
  ['深圳市宏达精密制造有限公司', 'enterprise'],
  ['深圳市南岭电子股份有限公司', 'enterprise'],
  ['深圳市鹏程物流有限公司', 'enterprise'],
  ['深圳市安联智能装备有限公司', 'enterprise'],
  ['深圳市金叶纺织有限公司', 'enterprise'],
  ['深圳市绿源环保科技有限公司', 'enterprise'],
  ['深圳市龙翔建筑工程有限公司', 'enterprise'],
  ['深圳市锦绣食品有限公司', 'enterprise'],
  ['深圳市德润医疗器械有限公司', 'enterprise'],
  ['深圳市新城软件有限公司', 'enterprise'],
  ['深圳市恒信五金制品有限公司', 'enterprise'],
  ['深圳市嘉和家具有限公司', 'enterprise'],
  ['深圳市远航汽车配件有限公司', 'enterprise'],
  ['深圳市明辉照明有限公司', 'enterprise'],
  ['深圳市瑞丰塑胶制品有限公司', 'enterprise'],
  ['深圳市科达新材料有限公司', 'enterprise'],
  ['深圳市启明印刷有限公司', 'enterprise'],
  ['深圳市海润物业管理有限公司', 'enterprise'],
  ['深圳市卓越电池有限公司', 'enterprise'],
  ['深圳市天成模具有限公司', 'enterprise'],
  ['深圳市长青园林绿化有限公司', 'enterprise'],
  ['深圳市福临酒店管理有限公司', 'enterprise'],
  ['深圳市星河电子商务有限公司', 'enterprise'],
  ['龙岗区社工服务中心', 'socialOrg'],
  ['龙岗区志愿者联合会', 'socialOrg'],
  ['龙岗区外来务工人员服务中心', 'socialOrg'],
  ['龙岗区青少年成长服务社', 'socialOrg'],
  ['龙岗区长者关爱协会', 'socialOrg'],
  ['龙岗区电子行业协会', 'socialOrg'],
  ['龙岗区物流商会', 'socialOrg'],
  ['龙岗区家庭综合服务中心', 'socialOrg'],
  ['龙岗区制造业商会', 'socialOrg'],
];

export interface DemoDistrict {
  readonly streets: StreetDocument[];
  readonly units: UnitDocument[];
  readonly orgs: OrgDocument[];
  readonly pairings: PairingDocument[];
  readonly people: PersonDocument[];
}

const pad = (value: number) => String(value).padStart(3, '0');

export function demoDistrict(year: number, createdAt: Date): DemoDistrict {
  const next = seededRandom(20101019);
  const streetDocs: StreetDocument[] = streets.map((street) => ({ _id: `street-${street.code}`, code: street.code, name: street.name }));

  const units: UnitDocument[] = [];
  districtUnits.forEach(([name, level], index) => {
    const street = streets[index % streets.length]!;
    units.push({ _id: `unit-${pad(units.length + 1)}`, code: `U${pad(units.length + 1)}`, name, level, streetId: `street-${street.code}` });
  });
  for (const street of streets.slice(0, 4)) {
    for (const suffix of streetUnitNames) {
      const level: UnitLevel = suffix === '派出所' ? 'streetStationed' : 'streetAgency';
      const name = suffix === '派出所' ? `${street.name.replace('街道', '')}派出所` : `${street.name}${suffix.replace('街道', '')}`;
      units.push({ _id: `unit-${pad(units.length + 1)}`, code: `U${pad(units.length + 1)}`, name, level, streetId: `street-${street.code}` });
    }
  }

  const orgs: OrgDocument[] = orgNames.map(([name, kind], index) => {
    const street = streets[index % streets.length]!;
    const members = Math.floor(next() * 14);
    const partyOrgForm: PartyOrgForm = members >= 5 ? 'standalone' : members >= 2 ? 'joint' : next() < 0.5 ? 'coveredByArea' : 'none';
    return {
      _id: `org-${pad(index + 1)}`,
      code: `O${pad(index + 1)}`,
      name,
      kind,
      streetId: `street-${street.code}`,
      address: `深圳市龙岗区${street.name}${['龙翔大道', '深惠路', '布龙路', '五和大道', '横坪路'][index % 5]}${100 + Math.floor(next() * 900)}号`,
      location: { latitude: round6(street.centre[0] + (next() - 0.5) * 0.03), longitude: round6(street.centre[1] + (next() - 0.5) * 0.03) },
      geofenceMetres: 300,
      partyMembers: members,
      partyOrgForm,
      massOrganisations: (['union', 'youthLeague', 'womens'] as const).filter(() => next() < 0.6),
    };
  });

  // Each unit pairs with one org for the year; district-level units with orgs anywhere,
  // street units with an org of their own street.
  const freeOrgs = [...orgs];
  const pairings: PairingDocument[] = units.map((unit, index) => {
    const arrangedBy = arrangerOf(unit.level);
    const pickIndex = arrangedBy === 'street' ? Math.max(freeOrgs.findIndex((org) => org.streetId === unit.streetId), 0) : 0;
    const [org] = freeOrgs.splice(pickIndex, 1);
    if (!org) throw new Error('demo district has fewer orgs than units');
    return {
      _id: `pairing-${year}-${pad(index + 1)}`,
      unitId: unit._id,
      orgId: org._id,
      unitName: unit.name,
      orgName: org.name,
      year,
      streetId: org.streetId,
      unitStreetId: unit.streetId,
      arrangedBy,
      startDate: `${year}-01-01`,
      endDate: null,
    };
  });

  const unitById = new Map(units.map((unit) => [unit._id, unit]));
  const orgById = new Map(orgs.map((org) => [org._id, org]));
  const streetById = new Map(streetDocs.map((street) => [street._id, street]));
  const scopeName = (role: Role, scopeId: string) =>
    roleScope[role] === 'unit' ? unitById.get(scopeId)?.name : roleScope[role] === 'org' ? orgById.get(scopeId)?.name : roleScope[role] === 'street' ? streetById.get(scopeId)?.name : '龙岗区';
  let order = 0;
  const person = (id: string, name: string, grants: Array<readonly [Role, string, boolean?]>, listed = true): PersonDocument => ({
    _id: `person-${id}`,
    openid: `demo-${id}`,
    name,
    grants: grants.map(([role, scopeId, approved]) => ({ role, scopeType: roleScope[role], scopeId, scopeName: scopeName(role, scopeId) ?? scopeId, approved: approved ?? true })),
    createdAt,
    demo: listed,
    demoOrder: ++order,
  });

  const first = pairings[0]!;
  const second = pairings[1]!;
  const people: PersonDocument[] = [
    person('liming', '李明', [['unitStaff', first.unitId]]),
    person('wangfang', '王芳', [['orgLeader', first.orgId]]),
    person('zhaojun', '赵军', [['unitHead', first.unitId]]),
    person('chenjing', '陈静', [['unitStaff', second.unitId]]),
    person('liuyang', '刘洋', [['orgLeader', second.orgId, false]]),
    person('sunli', '孙丽', [['streetOffice', 'street-longcheng']]),
    person('zhoutao', '周涛', [['districtOffice', 'district']]),
    person('wuhua', '吴华', [['unitStaff', pairings[2]!.unitId], ['orgLeader', pairings[3]!.orgId]]),
  ];
  pairings.slice(2).forEach((pairing, index) => {
    people.push(person(`staff${pad(index + 3)}`, `单位联络员${index + 3}`, [['unitStaff', pairing.unitId]], false));
    if (index % 2 === 0) people.push(person(`leader${pad(index + 3)}`, `组织书记${index + 3}`, [['orgLeader', pairing.orgId]], false));
  });

  return { streets: streetDocs, units, orgs, pairings, people };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
