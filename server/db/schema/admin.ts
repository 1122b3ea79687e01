import type { CollectionSpec } from '../collectionSpec';

/** Imports of the pairing table (jobs and their planned chunks), work plans and their deadlines, 投诉建议. */
export const adminCollections = [
  {
    name: 'adminImports',
    description: '结对表导入任务（预检结果、提交进度）',
    indexes: [{ name: 'state_created', fields: [{ path: 'state', kind: 'string' }, { path: 'createdAt', kind: 'date' }] }],
  },
  {
    name: 'adminImportChunks',
    description: '结对表导入的分块计划（每块一个事务）',
    indexes: [{ name: 'import_index', fields: [{ path: 'importId', kind: 'string' }, { path: 'index', kind: 'number' }] }],
  },
  {
    name: 'workPlans',
    description: '工作方案（单位）与结对工作安排（街道）',
    indexes: [
      { name: 'year_subject', fields: [{ path: 'year', kind: 'number' }, { path: 'subjectType', kind: 'string' }] },
      { name: 'street_year', fields: [{ path: 'streetId', kind: 'string' }, { path: 'year', kind: 'number' }] },
    ],
  },
  {
    name: 'planSettings',
    description: '各年度工作方案截止日期（默认 11 月 15 日）',
    indexes: [],
  },
  {
    name: 'feedback',
    description: '投诉建议及答复',
    indexes: [
      { name: 'sender_created', fields: [{ path: 'senderOpenid', kind: 'string' }, { path: 'createdAt', kind: 'date' }] },
      { name: 'state_created', fields: [{ path: 'state', kind: 'string' }, { path: 'createdAt', kind: 'date' }] },
    ],
  },
] as const satisfies readonly CollectionSpec[];
