/**
 * The audit trail of administration: who changed what, when. Admin changes are entries of their
 * own; records and plans carry their history inside them. Offices read them all, merged, newest first.
 */
export type AuditSubject = 'unit' | 'org' | 'pairing' | 'person' | 'invitation' | 'import' | 'plan' | 'deadline' | 'feedback';

export interface FieldChange {
  /** The field's Chinese label. */
  readonly field: string;
  readonly before: string;
  readonly after: string;
  /** Only that the field was edited is known (a record's history keeps no values). */
  readonly edited?: true;
}

/** The line a person reads for one change: 单位名称：旧 → 新, or 参加人员：已修改. */
export function changeLine(change: FieldChange): string {
  if (change.edited) return `${change.field}：已修改`;
  return `${change.field}：${change.before || '（空）'} → ${change.after || '（空）'}`;
}

export interface AuditEntry {
  readonly at: Date;
  readonly actorId: string;
  readonly actorName: string;
  /** e.g. `unit.update`, `import.row`, `person.removeGrant`. */
  readonly action: string;
  readonly subjectType: AuditSubject;
  readonly subjectId: string;
  readonly subjectName: string;
  /** What the entry touches, for filtering by unit, org or person (null when not about one). */
  readonly unitId: string | null;
  readonly orgId: string | null;
  readonly personId: string | null;
  /** Streets whose offices may read the entry. */
  readonly streetIds: readonly string[];
  readonly changes: readonly FieldChange[];
  readonly note: string;
}

/** `a` → `b` per labelled field, only where they differ; values shown as people read them. */
export function fieldChanges(before: Readonly<Record<string, unknown>> | null, after: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, label] of Object.entries(labels)) {
    const was = shown(before?.[key]);
    const now = shown(after[key]);
    if (was !== now) changes.push({ field: label, before: was, after: now });
  }
  return changes;
}

export function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const point = value as { latitude?: unknown; longitude?: unknown };
    if (typeof point.latitude === 'number' && typeof point.longitude === 'number') return `${point.latitude}, ${point.longitude}`;
    return Array.isArray(value) ? value.map(shown).join('、') : JSON.stringify(value);
  }
  return String(value);
}

/** One line of the merged trail a page shows. */
export interface TrailItem {
  readonly id: string;
  readonly at: string;
  readonly actorName: string;
  readonly source: 'admin' | 'record' | 'plan';
  readonly title: string;
  readonly subjectName: string;
  readonly changes: readonly FieldChange[];
  readonly note: string;
}

/** Newest first, ties broken by id so pages are stable; at most `limit`. */
export function mergeTrail(lists: ReadonlyArray<readonly TrailItem[]>, limit: number): TrailItem[] {
  return lists
    .flat()
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1))
    .slice(0, limit);
}

const actionTitles: Readonly<Record<string, string>> = {
  'import.row': '导入结对表',
  'import.commit': '导入结对表（提交）',
  'import.rollback': '导入结对表（已撤销）',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'org.create': '新增“两新”组织',
  'org.update': '修改“两新”组织',
  'pairing.create': '新增结对',
  'pairing.replace': '更换结对组织',
  'pairing.end': '结束结对',
  'person.removeGrant': '移出人员',
  'person.setRole': '调整角色',
  'person.grantOffice': '授予办公室身份',
  'person.refuseLeader': '退回组织负责人申请',
  'person.reapplyLeader': '重新申请组织负责人',
  'invitation.revoke': '停用邀请码',
  'plan.submit': '提交工作方案',
  'plan.accept': '通过工作方案',
  'plan.return': '退回工作方案',
  'deadline.set': '设置方案截止日期',
  'feedback.answer': '答复投诉建议',
  'record.review': '核查记录提示',
};

export function auditTitle(action: string): string {
  return actionTitles[action] ?? action;
}

const recordEvents: Readonly<Record<string, string>> = {
  create: '新建记录',
  edit: '修改记录',
  submit: '提交确认',
  confirm: '确认记录',
  dispute: '提出异议',
  revise: '更正记录',
};

export function recordEventTitle(event: string): string {
  return recordEvents[event] ?? event;
}
