import type { CollectionSpec } from '../../localcloud/db/indexSpec';

/**
 * Every collection of the cloud database and its indexes: the single declaration from which the
 * local cloud creates real indexes and the deploy guide lists what to create in the WeChat console.
 * Clients read and write nothing directly: every collection's permission is "仅管理端可读写"
 * (no client access); all access goes through the cloud functions.
 */
export const collections = [
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
    name: 'records',
    description: '积分行动记录本条目',
    indexes: [
      { name: 'pairing_date', fields: [{ path: 'pairingId', kind: 'string' }, { path: 'date', kind: 'string' }] },
      { name: 'org_state', fields: [{ path: 'orgId', kind: 'string' }, { path: 'state', kind: 'string' }] },
      { name: 'street_year', fields: [{ path: 'streetId', kind: 'string' }, { path: 'year', kind: 'number' }] },
      { name: 'confirm_token', fields: [{ path: 'confirmToken.id', kind: 'string' }] },
      { name: 'state_submitted', fields: [{ path: 'state', kind: 'string' }, { path: 'submittedAt', kind: 'date' }] },
    ],
  },
  {
    name: 'checkIns',
    description: '到访签到（作为记录的佐证，不是考勤）',
    indexes: [{ name: 'pairing_at', fields: [{ path: 'pairingId', kind: 'string' }, { path: 'at', kind: 'date' }] }],
  },
  {
    name: 'activities',
    description: '季度联合活动（提前发布、现场扫码签到）',
    indexes: [
      { name: 'pairing_date', fields: [{ path: 'pairingId', kind: 'string' }, { path: 'date', kind: 'string' }] },
      { name: 'org_date', fields: [{ path: 'orgId', kind: 'string' }, { path: 'date', kind: 'string' }] },
    ],
  },
  {
    name: 'reminderLog',
    description: '已发送的提醒（同一提醒不重复发送）',
    indexes: [{ name: 'person_sent', fields: [{ path: 'personId', kind: 'string' }, { path: 'sentAt', kind: 'date' }] }],
  },
  {
    name: 'auditTrail',
    description: '审计记录：谁在何时改了什么',
    indexes: [
      { name: 'subject_at', fields: [{ path: 'subjectId', kind: 'string' }, { path: 'at', kind: 'date' }] },
      { name: 'actor_at', fields: [{ path: 'actorId', kind: 'string' }, { path: 'at', kind: 'date' }] },
    ],
  },
] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof collections)[number]['name'];
