import type { CollectionSpec } from '../collectionSpec';

/** The record book, its check-ins, joint activities, the reminder log and the timers' progress. */
export const recordCollections = [
  {
    name: 'records',
    description: '积分行动记录本条目',
    indexes: [
      { name: 'pairing_date', fields: [{ path: 'pairingId', kind: 'string' }, { path: 'date', kind: 'string' }] },
      // Home's 结果: a pairing's newest decisions first (server/repositories/recordsHome.ts), read without the rest of its book.
      { name: 'pairing_updated', fields: [{ path: 'pairingId', kind: 'string' }, { path: 'updatedAt', kind: 'date' }] },
      // Home's 本期: a pairing's records of one kind in a period, and those waiting on the unit side, whatever the size of its book.
      { name: 'pairing_kind_date', fields: [{ path: 'pairingId', kind: 'string' }, { path: 'kind', kind: 'string' }, { path: 'date', kind: 'string' }] },
      { name: 'pairing_state', fields: [{ path: 'pairingId', kind: 'string' }, { path: 'state', kind: 'string' }] },
      { name: 'org_state', fields: [{ path: 'orgId', kind: 'string' }, { path: 'state', kind: 'string' }] },
      { name: 'street_year', fields: [{ path: 'streetId', kind: 'string' }, { path: 'year', kind: 'number' }] },
      { name: 'confirm_token', fields: [{ path: 'confirmToken.id', kind: 'string' }] },
      // Any link the record ever had, by the key its token starts with; and the one link made before keys that was left behind.
      { name: 'link_key', fields: [{ path: 'linkKey', kind: 'string' }] },
      { name: 'legacy_link', fields: [{ path: 'legacyLinkId', kind: 'string' }] },
      { name: 'state_submitted', fields: [{ path: 'state', kind: 'string' }, { path: 'submittedAt', kind: 'date' }] },
      // The reminder timer: this quarter's records of the year (server/repositories/reminderSources.ts).
      { name: 'year_date', fields: [{ path: 'year', kind: 'number' }, { path: 'date', kind: 'string' }] },
    ],
  },
  {
    // Keyed by the token id (indexed as every _id): links made before link keys (linkTokens.ts), left behind by a revision
    // or a withdrawal before then, find their record without scanning `previousRevisions`. No longer written.
    name: 'supersededLinks',
    description: '链接带记录键之前被修改或撤回取代的确认链接（旧链接指向记录的最新版本；只读，不再写入）',
    indexes: [],
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
    name: 'jobProgress',
    description: '定时任务的进度（一次运行没做完时，下一次从这里继续）',
    indexes: [],
  },
] as const satisfies readonly CollectionSpec[];
