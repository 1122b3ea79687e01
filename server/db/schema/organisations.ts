import type { CollectionSpec } from '../collectionSpec';

/** Streets, units, orgs, pairings, people and their invitations; the audit trail. */
export const organisationCollections = [
  {
    name: 'streets',
    description: '街道（含区委党群共建办所辖范围）',
    indexes: [{ name: 'code_unique', fields: [{ path: 'code', kind: 'string' }], unique: true }],
  },
  {
    name: 'units',
    description: '机关、事业单位',
    indexes: [
      { name: 'street', fields: [{ path: 'streetId', kind: 'string' }] },
      { name: 'code_unique', fields: [{ path: 'code', kind: 'string' }], unique: true },
    ],
  },
  {
    name: 'orgs',
    description: '“两新”组织（非公企业、社会组织）',
    indexes: [
      { name: 'street', fields: [{ path: 'streetId', kind: 'string' }] },
      { name: 'code_unique', fields: [{ path: 'code', kind: 'string' }], unique: true },
    ],
  },
  {
    name: 'pairings',
    description: '结对关系（单位 ↔ 两新组织，按年度）',
    indexes: [
      { name: 'unit_year', fields: [{ path: 'unitId', kind: 'string' }, { path: 'year', kind: 'number' }] },
      { name: 'org_year', fields: [{ path: 'orgId', kind: 'string' }, { path: 'year', kind: 'number' }] },
      { name: 'street_year', fields: [{ path: 'streetId', kind: 'string' }, { path: 'year', kind: 'number' }] },
      // The year's pairings (the reminder timers, the import).
      { name: 'year', fields: [{ path: 'year', kind: 'number' }] },
    ],
  },
  {
    name: 'people',
    description: '人员及其角色（按微信身份）',
    indexes: [{ name: 'openid_unique', fields: [{ path: 'openid', kind: 'string' }], unique: true }],
  },
  {
    name: 'invitations',
    description: '加入邀请（邀请码、二维码）',
    indexes: [
      { name: 'code_unique', fields: [{ path: 'code', kind: 'string' }], unique: true },
      { name: 'scope', fields: [{ path: 'scopeId', kind: 'string' }] },
    ],
  },
  {
    name: 'auditTrail',
    description: '审计记录：谁在何时改了什么',
    indexes: [
      { name: 'subject_at', fields: [{ path: 'subjectId', kind: 'string' }, { path: 'at', kind: 'date' }] },
      { name: 'actor_at', fields: [{ path: 'actorId', kind: 'string' }, { path: 'at', kind: 'date' }] },
      { name: 'unit_at', fields: [{ path: 'unitId', kind: 'string' }, { path: 'at', kind: 'date' }] },
      { name: 'org_at', fields: [{ path: 'orgId', kind: 'string' }, { path: 'at', kind: 'date' }] },
      { name: 'person_at', fields: [{ path: 'personId', kind: 'string' }, { path: 'at', kind: 'date' }] },
      { name: 'at', fields: [{ path: 'at', kind: 'date' }] },
    ],
  },
] as const satisfies readonly CollectionSpec[];
