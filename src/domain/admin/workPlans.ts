import { chinaDateString, parseChinaDate } from '../time/chinaTime';

/**
 * 工作方案: each unit's plan for the year (notice 四(一)), and each street's arrangement of its own
 * units' pairings, due by the deadline the district sets (the notice: 11月15日前).
 */
export const planSubjects = ['unit', 'street'] as const;
export type PlanSubject = (typeof planSubjects)[number];
export const planDecisions = ['accept', 'return'] as const;
/** An office's decision on a submitted plan. */
export type PlanDecision = (typeof planDecisions)[number];
export type PlanState = 'draft' | 'submitted' | 'accepted' | 'returned';
export type PlanEvent = 'save' | 'submit' | 'accept' | 'return';
/** The events a plan's history keeps (a save is not one: only its latest text is kept). */
export type PlanStep = Exclude<PlanEvent, 'save'>;

export const planStateLabels: Readonly<Record<PlanState, string>> = {
  draft: '草稿',
  submitted: '已提交，待审阅',
  accepted: '已通过',
  returned: '已退回，待修改',
};

export const planSubjectLabels: Readonly<Record<PlanSubject, string>> = {
  unit: '结对共建、创先争优工作方案',
  street: '街道结对共建工作安排',
};

/** The notice's date: 15 November of the plan's year. */
export function defaultDeadline(year: number): string {
  return `${year}-11-15`;
}

/** The deadline day counts in full: a plan is on time until 24:00 China time that day. */
export function deadlineEnd(deadline: string): Date {
  const start = parseChinaDate(deadline);
  if (!start) throw new Error(`not a date: ${deadline}`);
  return new Date(start.getTime() + 86_400_000);
}

export function isLate(submittedAt: Date, deadline: string): boolean {
  return submittedAt.getTime() >= deadlineEnd(deadline).getTime();
}

export type PlanTiming = 'open' | 'dueSoon' | 'overdue' | 'onTime' | 'late';

export const planTimingLabels: Readonly<Record<PlanTiming, string>> = {
  open: '未到截止日期',
  dueSoon: '即将截止',
  overdue: '逾期未交',
  onTime: '按时提交',
  late: '逾期提交',
};

/** The order an office reads the plans in: what needs chasing first. */
export const planTimingOrder: readonly PlanTiming[] = ['overdue', 'late', 'dueSoon', 'open', 'onTime'];

/** A week before the deadline a plan not yet submitted is "due soon". */
export const DUE_SOON_DAYS = 7;

/** Lateness is judged on the first submission: a plan returned for changes and sent again stays on time. */
export function planTiming(deadline: string, firstSubmittedAt: Date | null, now: Date): PlanTiming {
  if (firstSubmittedAt) return isLate(firstSubmittedAt, deadline) ? 'late' : 'onTime';
  const end = deadlineEnd(deadline).getTime();
  if (now.getTime() >= end) return 'overdue';
  return daysLeft(deadline, now) < DUE_SOON_DAYS ? 'dueSoon' : 'open';
}

/** Whole China calendar days from today to the deadline day (0 on the day itself, negative after). */
export function daysLeft(deadline: string, now: Date): number {
  const deadlineDay = parseChinaDate(deadline);
  const today = parseChinaDate(chinaDateString(now));
  if (!deadlineDay || !today) return Number.NaN;
  return Math.round((deadlineDay.getTime() - today.getTime()) / 86_400_000);
}

export type PlanTransition = { readonly ok: true; readonly next: PlanState } | { readonly ok: false; readonly reason: string };

export function planTransition(state: PlanState | null, event: PlanEvent): PlanTransition {
  const current = state ?? 'draft';
  switch (event) {
    case 'save':
      return current === 'draft' || current === 'returned' ? { ok: true, next: current } : { ok: false, reason: current === 'accepted' ? '方案已通过，不能再修改' : '方案已提交，请等待审阅；如需修改请联系党群共建办退回' };
    case 'submit':
      return current === 'draft' || current === 'returned' ? { ok: true, next: 'submitted' } : { ok: false, reason: current === 'accepted' ? '方案已通过' : '方案已提交，无需重复提交' };
    case 'accept':
    case 'return':
      if (current === 'submitted') return { ok: true, next: event === 'accept' ? 'accepted' : 'returned' };
      return { ok: false, reason: current === 'accepted' ? '方案已通过' : current === 'returned' ? '方案已退回，等待单位修改后再提交' : '方案尚未提交' };
  }
}

/** The state a step leaves the plan in (when the step is allowed). */
export function planStepTarget(step: PlanStep): PlanState {
  return step === 'submit' ? 'submitted' : step === 'accept' ? 'accepted' : 'returned';
}

/** Reminders before the deadline: once a week before, once the day before (and on the day). */
export type ReminderStage = 'week' | 'day';

export function reminderStage(deadline: string, now: Date): ReminderStage | null {
  const left = daysLeft(deadline, now);
  if (!Number.isFinite(left) || left < 0) return null;
  if (left <= 1) return 'day';
  if (left <= DUE_SOON_DAYS) return 'week';
  return null;
}

export interface PlanReminderTarget {
  readonly subjectType: PlanSubject;
  readonly subjectId: string;
  readonly subjectName: string;
  readonly people: ReadonlyArray<{ readonly id: string; readonly openid: string }>;
}

export interface PlanReminder {
  /** Stable: the same reminder is never sent twice (the reminder log's id). */
  readonly key: string;
  readonly personId: string;
  readonly openid: string;
  readonly subjectType: PlanSubject;
  readonly subjectName: string;
  readonly deadline: string;
  readonly stage: ReminderStage;
}

/** Who is reminded today: the people of every unit (or street office) whose plan is not submitted yet. */
export function duePlanReminders(year: number, deadline: string, targets: readonly PlanReminderTarget[], submitted: ReadonlySet<string>, now: Date): PlanReminder[] {
  const stage = reminderStage(deadline, now);
  if (!stage) return [];
  return targets
    .filter((target) => !submitted.has(`${target.subjectType}:${target.subjectId}`))
    .flatMap((target) =>
      target.people.map((person) => ({
        key: `plan:${year}:${target.subjectType}:${target.subjectId}:${deadline}:${stage}:${person.id}`,
        personId: person.id,
        openid: person.openid,
        subjectType: target.subjectType,
        subjectName: target.subjectName,
        deadline,
        stage,
      })),
    );
}
