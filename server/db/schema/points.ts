import type { CollectionSpec } from '../collectionSpec';

/** Points rules and settings, achievement tags, self-assessments, bulletins, street checks and commendations. */
export const pointsCollections = [
  {
    name: 'pointsYear',
    description: '积分年度配置：积分规则各版本、年度设置（排名开关、自评截止日、考核关闭）、已结束评议轮次的积分',
    indexes: [{ name: 'year_type', fields: [{ path: 'year', kind: 'number' }, { path: 'type', kind: 'string' }] }],
  },
  {
    name: 'pointsLedger',
    description: '积分台账：全年记录的精简副本（按记录状态机自动同步，每天全量重建）',
    indexes: [{ name: 'year', fields: [{ path: 'year', kind: 'number' }] }],
  },
  {
    name: 'achievementTags',
    description: '共建成果标注（以已确认的记录为据）',
    indexes: [
      { name: 'unit_year', fields: [{ path: 'unitId', kind: 'string' }, { path: 'year', kind: 'number' }] },
      { name: 'year', fields: [{ path: 'year', kind: 'number' }] },
    ],
  },
  {
    name: 'selfAssessments',
    description: '单位年度自评积分',
    indexes: [{ name: 'year', fields: [{ path: 'year', kind: 'number' }] }],
  },
  {
    name: 'bulletins',
    description: '季度督办检查通报（区、街道）',
    indexes: [
      { name: 'year_state', fields: [{ path: 'year', kind: 'number' }, { path: 'state', kind: 'string' }] },
      { name: 'scope_year', fields: [{ path: 'scopeKey', kind: 'string' }, { path: 'year', kind: 'number' }] },
    ],
  },
  {
    name: 'streetChecks',
    description: '区对各街道结对共建工作的检查结果',
    indexes: [{ name: 'year', fields: [{ path: 'year', kind: 'number' }] }],
  },
  {
    name: 'commendations',
    description: '年度表彰名单（先进单位和个人，不排名）',
    indexes: [],
  },
] as const satisfies readonly CollectionSpec[];
