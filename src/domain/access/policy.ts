/**
 * The one access policy: who may see and change what (pure). Every cloud function asks it, through
 * server/runtime/access.ts; pages may ask it only to hide what would be refused.
 *
 * Each rule says, role by role, which documents a person holding that role may reach. From that one
 * definition come both the yes/no answer for one document (`can`) and the condition of a database
 * list (`filterFor`), so the check and the query cannot disagree. The README's 范围 table is generated
 * from the same definitions (`scopeTable`), and a test keeps the two equal.
 */
import type { Clause, Filter } from './filter';
import { allDocuments, anyOf, clauses, equals, matches, notEqual, oneOf } from './filter';

export type ScopedRole = 'unitStaff' | 'unitHead' | 'orgLeader' | 'streetOffice' | 'districtOffice';

/** What the policy needs of a grant: the role, where, and (for party leaders) whether approved. */
export interface ScopeGrant {
  readonly role: ScopedRole;
  readonly scopeId: string;
  readonly approved: boolean;
}

/** The person as the policy sees them: the ids each role is held for (org leaders: approved only). */
export interface Subject {
  readonly district: boolean;
  readonly streetIds: readonly string[];
  /** Units the person works in, as staff or head. */
  readonly unitIds: readonly string[];
  readonly headOfUnitIds: readonly string[];
  /** Orgs the person leads, approved. */
  readonly orgIds: readonly string[];
}

export function subjectOf(grants: readonly ScopeGrant[]): Subject {
  const idsOf = (test: (grant: ScopeGrant) => boolean) => [...new Set(grants.filter(test).map((grant) => grant.scopeId))];
  return {
    district: grants.some((grant) => grant.role === 'districtOffice'),
    streetIds: idsOf((grant) => grant.role === 'streetOffice'),
    unitIds: idsOf((grant) => grant.role === 'unitStaff' || grant.role === 'unitHead'),
    headOfUnitIds: idsOf((grant) => grant.role === 'unitHead'),
    orgIds: idsOf((grant) => grant.role === 'orgLeader' && grant.approved),
  };
}

/** The roles a rule is written for; a unit's staff and head share the `unit` column unless a rule tells them apart. */
export type PolicyRole = 'district' | 'street' | 'unitHead' | 'unit' | 'org';

export const policyRoleLabels: Record<PolicyRole, string> = {
  district: '区委党群共建办',
  street: '街道党群共建办',
  unit: '单位党群工作人员',
  unitHead: '单位主要负责人',
  org: '“两新”组织党组织负责人（已审核）',
};

/** One role's part of a rule: the documents it reaches, from the ids the role is held for, and what that means in Chinese. */
export interface Grant {
  readonly reach: (ids: readonly string[]) => readonly Clause[] | 'all';
  readonly says: string;
}

export interface Rule<D extends object> {
  readonly name: string;
  /** What the rule allows, in Chinese (the README's 范围 table). */
  readonly title: string;
  readonly roles: Partial<Record<PolicyRole, Grant>>;
  /** Only for typing: the document shape the rule reads. */
  readonly _document?: D;
}

function idsFor(subject: Subject, role: PolicyRole): readonly string[] | null {
  switch (role) {
    case 'district':
      return subject.district ? [] : null;
    case 'street':
      return subject.streetIds.length > 0 ? subject.streetIds : null;
    case 'unit':
      return subject.unitIds.length > 0 ? subject.unitIds : null;
    case 'unitHead':
      return subject.headOfUnitIds.length > 0 ? subject.headOfUnitIds : null;
    case 'org':
      return subject.orgIds.length > 0 ? subject.orgIds : null;
  }
}

/** The database condition of the documents `rule` lets `subject` reach. */
export function filterFor<D extends object>(subject: Subject, rule: Rule<D>): Filter {
  const parts: Filter[] = [];
  for (const [role, grant] of Object.entries(rule.roles) as [PolicyRole, Grant][]) {
    const ids = idsFor(subject, role);
    if (ids === null) continue;
    const reach = grant.reach(ids);
    parts.push(reach === 'all' ? allDocuments : clauses(reach));
  }
  return anyOf(parts);
}

/** May `subject` do what `rule` allows to this document? */
export function can<D extends object>(subject: Subject, rule: Rule<D>, document: D): boolean {
  return matches(filterFor(subject, rule), document);
}

function rule<D extends object>(name: string, title: string, roles: Partial<Record<PolicyRole, Grant>>): Rule<D> {
  return { name, title, roles };
}

const everything = (says = '全部'): Grant => ({ reach: () => 'all', says });

/** Fields of a pairing's work that locate it: the unit, the org, the org's street and the unit's street. */
export interface PairingPlace {
  readonly unitId: string;
  readonly orgId: string;
  readonly streetId: string;
  readonly unitStreetId: string;
}

const touchingStreets = (ids: readonly string[]): Clause[] => [{ streetId: oneOf(ids) }, { unitStreetId: oneOf(ids) }];

/** Pairings, records, survey entries: every document located by a pairing. */
export const pairingRules = {
  /** Seeing a pairing: its unit, its org's approved leader, the offices over either street. */
  view: rule<PairingPlace>('pairing.view', '查看结对', {
    district: everything(),
    street: { reach: touchingStreets, says: '涉及本街道（单位或组织在本街道）的结对' },
    unit: { reach: (ids) => [{ unitId: oneOf(ids) }], says: '本单位的结对' },
    org: { reach: (ids) => [{ orgId: oneOf(ids) }], says: '本组织的结对' },
  }),
  /** Being an office over a pairing (paper records, survey links, results). */
  office: rule<PairingPlace>('pairing.office', '以共建办身份办理结对事务（补录、评议发放）', {
    district: everything(),
    street: { reach: touchingStreets, says: '涉及本街道的结对' },
  }),
  /** Arranging a pairing: the district anywhere, a street office where both sides are in its street. */
  manage: rule<PairingPlace>('pairing.manage', '新建、更换结对', {
    district: everything(),
    street: { reach: (ids) => [{ streetId: oneOf(ids), unitStreetId: oneOf(ids) }], says: '单位和组织都在本街道的结对' },
  }),
} as const;

export interface RecordPlace extends PairingPlace {
  readonly state: string;
}

export const recordRules = {
  /** Reading records: org leaders never see a unit's drafts. */
  view: rule<RecordPlace>('record.view', '查看积分行动记录', {
    district: everything(),
    street: { reach: touchingStreets, says: '涉及本街道的记录' },
    unit: { reach: (ids) => [{ unitId: oneOf(ids) }], says: '本单位的记录（含草稿）' },
    org: { reach: (ids) => [{ orgId: oneOf(ids), state: notEqual('draft') }], says: '本组织已提交的记录（不含草稿）' },
  }),
  /** Writing, submitting and revising a pairing's records: the unit side. */
  write: rule<PairingPlace>('record.write', '填写、提交、修改记录', {
    unit: { reach: (ids) => [{ unitId: oneOf(ids) }], says: '本单位的记录' },
  }),
  /** Confirming or disputing: the org's approved party leader. */
  confirm: rule<PairingPlace>('record.confirm', '确认记录或提出异议', {
    org: { reach: (ids) => [{ orgId: oneOf(ids) }], says: '本组织的记录' },
  }),
} as const;

export interface UnitPlace {
  readonly _id: string;
  readonly streetId: string;
}

export interface OrgPlace {
  readonly _id: string;
  readonly streetId: string;
}

const inStreets = (ids: readonly string[]): Clause[] => [{ streetId: oneOf(ids) }];
const ownId = (ids: readonly string[]): Clause[] => [{ _id: oneOf(ids) }];

export const unitRules = {
  view: rule<UnitPlace>('unit.view', '查看单位、人员和邀请码', {
    district: everything(),
    street: { reach: inStreets, says: '本街道的单位' },
    unit: { reach: ownId, says: '本单位' },
  }),
  manage: rule<UnitPlace>('unit.manage', '新增、修改单位', {
    district: everything(),
    street: { reach: inStreets, says: '本街道的单位' },
  }),
  /** Roles, removals, revoking invitations. */
  managePeople: rule<UnitPlace>('unit.managePeople', '调整人员角色、移出人员、停用邀请码', {
    district: everything(),
    street: { reach: inStreets, says: '本街道单位的人员' },
    unitHead: { reach: ownId, says: '本单位的人员（主要负责人）' },
  }),
} as const;

export const orgRules = {
  manage: rule<OrgPlace>('org.manage', '新增组织、修改组织名称和街道', {
    district: everything(),
    street: { reach: inStreets, says: '本街道的组织' },
  }),
  /** Address, location, party members, contacts; and the org's people and invitations. */
  editDetails: rule<OrgPlace>('org.editDetails', '修改组织地址、位置、党员人数、联系方式，管理组织负责人和邀请码', {
    district: everything(),
    street: { reach: inStreets, says: '本街道的组织' },
    org: { reach: ownId, says: '本组织' },
  }),
} as const;

/** Audit entries and complaints carry the streets they touch. */
export interface StreetsPlace {
  readonly streetIds: readonly string[];
}

export const officeRecordRules = {
  audit: rule<StreetsPlace>('audit.view', '查看审计记录', {
    district: everything(),
    street: { reach: (ids) => [{ streetIds: oneOf(ids) }], says: '涉及本街道的审计记录' },
  }),
  feedback: rule<StreetsPlace>('feedback.answer', '查看并答复投诉建议', {
    district: everything('全部（含匿名）'),
    street: { reach: (ids) => [{ streetIds: oneOf(ids) }], says: '涉及本街道的非匿名投诉建议' },
  }),
} as const;

export interface BulletinPlace {
  readonly streetId: string | null;
  readonly state: string;
  readonly unitIds: readonly string[];
}

export const bulletinRules = {
  edit: rule<BulletinPlace>('bulletin.edit', '生成、修改、发布季度督办通报', {
    district: { reach: () => [{ streetId: equals(null) }], says: '全区通报' },
    street: { reach: inStreets, says: '本街道的通报' },
  }),
  read: rule<BulletinPlace>('bulletin.read', '阅读季度督办通报', {
    district: { reach: (): Clause[] => [{ streetId: equals(null) }, { state: equals('published') }], says: '全区通报和已发布的各街道通报' },
    street: { reach: (ids): Clause[] => [{ streetId: oneOf(ids) }, { streetId: equals(null), state: equals('published') }], says: '本街道的通报和已发布的全区通报' },
    unit: { reach: (ids) => [{ unitIds: oneOf(ids), state: equals('published') }], says: '已发布且涉及本单位的通报' },
  }),
} as const;

export interface RoundPlace {
  readonly scope: { readonly type: 'district' } | { readonly type: 'street'; readonly streetId: string };
}

export const surveyRules = {
  manageRound: rule<RoundPlace>('survey.manage', '发起、修改、发布、结束评议', {
    district: everything('全区和各街道的评议'),
    street: { reach: (ids) => [{ 'scope.type': equals('street'), 'scope.streetId': oneOf(ids) }], says: '本街道发起的评议' },
  }),
  viewRound: rule<RoundPlace>('survey.view', '查看评议进度', {
    district: everything('全区和各街道的评议'),
    street: { reach: (ids): Clause[] => [{ 'scope.type': equals('street'), 'scope.streetId': oneOf(ids) }, { 'scope.type': equals('district') }], says: '本街道的评议和全区评议' },
  }),
  /** A pairing's results: the unit evaluated and the offices over it, never the org's leader. */
  results: rule<PairingPlace>('survey.results', '查看评议结果', {
    district: everything(),
    street: { reach: touchingStreets, says: '涉及本街道的结对' },
    unit: { reach: (ids) => [{ unitId: oneOf(ids) }], says: '本单位被评议的结果' },
  }),
  /** Links, QR codes and ballot codes. */
  distribute: rule<PairingPlace>('survey.distribute', '发放评议链接、二维码和评议码', {
    district: everything(),
    street: { reach: touchingStreets, says: '涉及本街道的结对' },
    org: { reach: (ids) => [{ orgId: oneOf(ids) }], says: '本组织（只看各组份数，不看结果）' },
  }),
} as const;

export interface PlanPlace {
  readonly subjectType: 'unit' | 'street';
  /** The unit whose plan it is, or the street whose arrangement it is. */
  readonly subjectId: string;
  /** The unit's street (for a street's arrangement: that street). */
  readonly streetId: string;
}

export const planRules = {
  write: rule<PlanPlace>('plan.write', '编写、提交工作方案', {
    street: { reach: (ids) => [{ subjectType: equals('street'), subjectId: oneOf(ids) }], says: '本街道的结对工作安排' },
    unit: { reach: (ids) => [{ subjectType: equals('unit'), subjectId: oneOf(ids) }], says: '本单位的工作方案' },
  }),
  review: rule<PlanPlace>('plan.review', '审阅工作方案（通过或退回）', {
    district: everything('全部（含各街道的结对工作安排）'),
    street: { reach: (ids) => [{ subjectType: equals('unit'), streetId: oneOf(ids) }], says: '本街道单位的工作方案' },
  }),
  /** A plan's submissions and reviews in the audit trail: the offices over its street, as its audit entries were. */
  history: rule<PlanPlace>('plan.history', '查看工作方案的提交、审阅记录', {
    district: everything(),
    street: { reach: (ids) => [{ streetId: oneOf(ids) }], says: '本街道单位的工作方案和本街道的结对工作安排' },
  }),
} as const;

/** Where a rule set applies: the district's (`streetId: null`) or one street's, for the units it arranges. */
export interface RuleSetPlace {
  readonly streetId: string | null;
}

export const pointsRules = {
  editRules: rule<RuleSetPlace>('points.editRules', '制定积分规则版本', {
    district: { reach: () => [{ streetId: equals(null) }], says: '区级积分规则' },
    street: { reach: inStreets, says: '本街道安排的单位的积分规则' },
  }),
  selfAssess: rule<{ readonly unitId: string }>('points.selfAssess', '提交年度自评', {
    unitHead: { reach: (ids) => [{ unitId: oneOf(ids) }], says: '本单位（主要负责人）' },
  }),
} as const;

/** What only the district office does, whatever the document. */
export const districtRules = {
  administer: rule<object>('district.administer', '查找全部人员、授予或移出共建办身份、设置工作方案截止日期、年度考核与表彰', {
    district: everything(),
  }),
} as const;

/** Every rule, in the order of the README's 范围 table. */
export const policy = {
  pairing: pairingRules,
  record: recordRules,
  unit: unitRules,
  org: orgRules,
  office: officeRecordRules,
  bulletin: bulletinRules,
  survey: surveyRules,
  plan: planRules,
  points: pointsRules,
  district: districtRules,
} as const;

export function isOffice(subject: Subject): boolean {
  return subject.district || subject.streetIds.length > 0;
}

/** An office over this street (the district office is over every street). */
export function managesStreet(subject: Subject, streetId: string): boolean {
  return subject.district || subject.streetIds.includes(streetId);
}

/** The unit side sees the org it is paired with; the org's editors see it anyway. */
export function canViewOrg(subject: Subject, org: OrgPlace, pairingsOfOrg: readonly PairingPlace[]): boolean {
  return can(subject, orgRules.editDetails, org) || pairingsOfOrg.some((pairing) => pairing.orgId === org._id && can(subject, recordRules.write, pairing));
}

/**
 * Approving an org's party leader: the district office, an approved leader of the org, or the unit
 * paired with the org and the offices over that pairing. `pairingsOfOrg` are the org's pairings of the year.
 */
export function canApproveLeaderOf(subject: Subject, orgId: string, pairingsOfOrg: readonly PairingPlace[]): boolean {
  if (subject.district || subject.orgIds.includes(orgId)) return true;
  return pairingsOfOrg.some((pairing) => pairing.orgId === orgId && (can(subject, recordRules.write, pairing) || can(subject, pairingRules.office, pairing)));
}

/** Writing a record: the unit side, or an office entering a paper record (补录) on its behalf. */
export function canWriteRecord(subject: Subject, pairing: PairingPlace, paper: boolean): boolean {
  return can(subject, paper ? pairingRules.office : recordRules.write, pairing);
}

/** Why the policy refuses someone: their party leadership still awaits approval, or simply not allowed. */
export type RefusalReason = 'pendingApproval' | 'notAllowed';

/**
 * Why a refusal: a person holding a party-leader grant still waiting for approval (for this org,
 * when the refusal is about one) is told that approval is pending, not that they have no permission.
 */
export function refusalReason(grants: readonly ScopeGrant[], orgId?: string): RefusalReason {
  const waiting = grants.some((grant) => grant.role === 'orgLeader' && !grant.approved && (orgId === undefined || grant.scopeId === orgId));
  return waiting ? 'pendingApproval' : 'notAllowed';
}

/** The 范围 table of the README, generated from the rules: one row per rule, one column per role. */
export function scopeTable(): string {
  const columns: PolicyRole[] = ['district', 'street', 'unit', 'unitHead', 'org'];
  const rows = Object.values(policy).flatMap((area) => Object.values(area) as Rule<object>[]);
  const cell = (found: Rule<object>, role: PolicyRole): string => {
    const grant = found.roles[role] ?? (role === 'unitHead' ? found.roles.unit : undefined);
    return grant?.says ?? '—';
  };
  return [
    `| 操作 | ${columns.map((role) => policyRoleLabels[role]).join(' | ')} |`,
    `| --- | ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((found) => `| ${found.title} | ${columns.map((role) => cell(found, role)).join(' | ')} |`),
  ].join('\n');
}

/** A unit's points: its own people, and the offices over any of its pairings (the district: every unit). */
export function canSeeUnitPoints(subject: Subject, unitId: string, pairingsOfUnit: readonly PairingPlace[]): boolean {
  return subject.district || subject.unitIds.includes(unitId) || pairingsOfUnit.some((pairing) => can(subject, pairingRules.office, pairing));
}
