import type { CollectionSpec } from '../collectionSpec';

/** Evaluation surveys (评议): rounds, entries with their anonymous tallies, and the once-only keys kept apart. */
export const surveyCollections = [
  {
    name: 'surveyRounds',
    description: '评议轮次（年中、年终；问卷发布后冻结）',
    indexes: [
      { name: 'year_period', fields: [{ path: 'year', kind: 'number' }, { path: 'period', kind: 'string' }] },
      { name: 'created', fields: [{ path: 'createdAt', kind: 'date', order: 'desc' }] },
    ],
  },
  {
    name: 'surveyEntries',
    description: '评议入口与匿名汇总（每个结对每个分组一份：链接、计数、意见；不含任何身份和时间）',
    unlinkable: true,
    indexes: [
      { name: 'round_pairing', fields: [{ path: 'roundId', kind: 'string' }, { path: 'pairingId', kind: 'string' }] },
      { name: 'unit_year', fields: [{ path: 'unitId', kind: 'string' }, { path: 'year', kind: 'number' }] },
      { name: 'org_year', fields: [{ path: 'orgId', kind: 'string' }, { path: 'year', kind: 'number' }] },
    ],
  },
  {
    name: 'surveyBallots',
    description: '评议防重复标记（身份或评议码的密钥哈希；与答卷分开保存，无法关联）',
    unlinkable: true,
    indexes: [{ name: 'round_pairing', fields: [{ path: 'roundId', kind: 'string' }, { path: 'pairingId', kind: 'string' }] }],
  },
] as const satisfies readonly CollectionSpec[];
