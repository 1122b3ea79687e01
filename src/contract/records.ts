import { z } from 'zod';
import type { CadenceEntry } from '../domain/cadence/cadence';
import type { CheckInFlag } from '../domain/geo/geofence';
import type { ContentArea, RecordKind } from '../domain/records/catalog';
import { contentAreaIds, recordKindIds } from '../domain/records/catalog';
import type { HistoryEvent } from '../domain/records/history';
import type { ReviewFlag } from '../domain/records/reviewFlags';
import type { RecordState } from '../domain/records/stateMachine';
import { recordStateIds } from '../domain/records/stateMachine';
import type { MassOrganisation } from '../domain/catalog/organisations';
import { massOrganisations } from '../domain/catalog/organisations';
import { chinaDateField, idField, latitudeField, longitudeField, pageField, textField } from './fields';
import type { PendingLeaderView, PersonView } from './session';
import type { RecordReviewView } from './adminChecks';
import type { Page } from './fields';

const massOrganisationIds = Object.keys(massOrganisations) as MassOrganisation[];

/**
 * How complete a record's content must be: a draft (保存草稿) may leave text empty, choose no content
 * area and leave a count empty; submitting for confirmation needs every required field. The phone
 * (record editor, offline queue) and the server (records.save, records.submit) check the same rules.
 */
export type Completeness = 'draft' | 'complete';

const sideLabel = { unit: '我方', org: '组织方' } as const;

/**
 * A side's count. On the wire an empty count is `null` (JSON has no NaN); a draft stores it as 0,
 * which a complete record never has (at least one person takes part on each side), so 0 reads as "not filled in".
 */
function participantCount(side: keyof typeof sideLabel, mode: Completeness) {
  const missing = `请填写${sideLabel[side]}参加人数`;
  const count = z
    .number({ error: (issue) => (issue.input === undefined || issue.input === null ? missing : `${sideLabel[side]}参加人数须为数字`) })
    .int(`${sideLabel[side]}参加人数须为整数`)
    .min(0, `${sideLabel[side]}参加人数不能为负`)
    .max(5000, `${sideLabel[side]}参加人数过多`);
  return mode === 'draft' ? count.nullable().transform((value) => value ?? 0) : count.refine((value) => value > 0, missing);
}

function sideParticipants(side: keyof typeof sideLabel, mode: Completeness) {
  return z.object({
    count: participantCount(side, mode),
    names: z.array(textField('参加人员姓名', 20)).max(100, '参加人员名单最多 100 人').default([]),
  });
}

/** Text that a draft may leave empty and a complete record must fill in. */
function recordText(label: string, max: number, mode: Completeness) {
  if (mode === 'complete') return textField(label, max);
  return z
    .string({ error: `${label}须为文字` })
    .transform((value) => value.trim())
    .pipe(z.string().max(max, `${label}不能超过 ${max} 字`));
}

function recordContentSchema(mode: Completeness) {
  const areas = z.array(z.enum(contentAreaIds, { error: '共建内容不在通知规定的九项之内' })).max(9);
  return z.object({
    pairingId: idField,
    kind: z.enum(recordKindIds, { error: '请选择记录类型' }),
    /** The day the work took place, China calendar. */
    date: chinaDateField,
    contentAreas: mode === 'complete' ? areas.min(1, '请至少选择一项共建内容') : areas,
    content: recordText('工作内容', 2000, mode),
    results: recordText('具体成效', 2000, mode),
    participants: z.object({ unit: sideParticipants('unit', mode), org: sideParticipants('org', mode) }),
    /** The party and mass organisations taking part on each side (党、工、青、妇 pair up too). */
    organisations: z
      .object({ unit: z.array(z.enum(massOrganisationIds)).max(4).default([]), org: z.array(z.enum(massOrganisationIds)).max(4).default([]) })
      .default({ unit: [], org: [] }),
    attachments: z.array(z.object({ fileId: z.string().min(1).max(300), name: textField('附件名称', 100) })).max(9, '附件最多 9 个').default([]),
    checkInId: idField.optional(),
    /** The joint activity this record writes up (its attendance fills the participants). */
    activityId: idField.optional(),
  });
}

/** The content of a record (积分行动记录本条目) ready for confirmation: every required field filled in. */
export const recordContentInput = recordContentSchema('complete');
export type RecordContentInput = z.input<typeof recordContentInput>;
/** The content of a draft: anything typed so far, within the same limits. */
export const recordDraftInput = recordContentSchema('draft');

/** records.save — create (idempotent by clientKey) or edit a draft or a revision; incomplete content is kept as a draft. */
export const saveRecordInput = recordDraftInput.extend({
  /** Generated on the phone when writing starts: a retried save never makes a second record. */
  clientKey: z.string().regex(/^[\w-]{8,64}$/, '记录标识格式不正确'),
  /** Set when an office enters a paper record on the unit's behalf (补录). */
  paper: z.boolean().default(false),
});

/** One thing wrong with a record's content: the field path (e.g. `participants.unit.count`) and what to do, in Chinese. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** Every problem of a record's content under the rules for a draft or for submitting, one per field, in form order. */
export function recordProblems(content: unknown, mode: Completeness): FieldProblem[] {
  const parsed = (mode === 'complete' ? recordContentInput : recordDraftInput).safeParse(content);
  if (parsed.success) return [];
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: issue.message });
  }
  return problems;
}

/** The summary shown at the submit button (and in the server's refusal) when a record is not complete. */
export function problemsSummary(problems: readonly FieldProblem[]): string {
  return `还有 ${problems.length} 处需要填写或修改：${problems.map((problem) => problem.message).join('；')}`;
}

export const recordRefInput = z.object({ recordId: idField });
/** records.submit — idempotent for the same revision. */
export const submitRecordInput = z.object({ recordId: idField, revision: z.number().int().min(1) });
/**
 * records.confirmOnPaper — a paper record (补录) whose paper page carries the org leader's signature:
 * the office has checked it (纸质签字已核), so it is confirmed at once instead of waiting for the leader in the app.
 */
export const confirmOnPaperInput = submitRecordInput;
/** records.withdraw — the author takes back a record that waits for confirmation (at the revision they saw). */
export const withdrawRecordInput = submitRecordInput;
export type ConfirmOnPaperInput = z.output<typeof confirmOnPaperInput>;
/** Confirm or dispute from a link (token) or from the leader's list (record and the revision they saw). */
const leaderTarget = z.union([z.object({ token: z.string().regex(/^[\w-]{16,32}$/, '链接无效') }), z.object({ recordId: idField, revision: z.number().int().min(1) })]);
export const confirmRecordInput = leaderTarget;
export const disputeRecordInput = z.intersection(leaderTarget, z.object({ reason: textField('异议理由', 500) }));
export const getRecordInput = z.union([z.object({ recordId: idField }), z.object({ token: z.string().regex(/^[\w-]{16,32}$/, '链接无效') })]);
export const listRecordsInput = pageField.extend({ pairingId: idField.optional(), state: z.enum(recordStateIds).optional() });
export const checkInInput = z.object({
  pairingId: idField,
  latitude: latitudeField,
  longitude: longitudeField,
  accuracy: z.number().finite().min(0).max(100_000),
  photoFileId: z.string().min(1).max(300).optional(),
});
export const homeInput = z.object({}).strict();
/** `withContent`: also the oldest waiting records in full (at most PENDING_VIEWS), for confirming several in one pass. */
export const pendingInput = z.object({ withContent: z.boolean().optional() }).strict();
/** How many waiting records `records.pending` answers in full, and `records.confirmMany` confirms at once. */
export const PENDING_VIEWS = 20;
/** records.confirmMany — the leader confirms several waiting records of their org in one pass, each at the revision they were shown. */
export const confirmManyInput = z.object({
  items: z
    .array(z.object({ recordId: idField, revision: z.number().int().min(1) }))
    .min(1, '请至少选择一条记录')
    .max(PENDING_VIEWS, `一次最多确认 ${PENDING_VIEWS} 条`)
    .refine((items) => new Set(items.map((item) => item.recordId)).size === items.length, '同一条记录只能选一次'),
});
export const confirmLinkInput = z.object({ recordId: idField, withQrImage: z.boolean().default(false) });

export interface Participants {
  readonly unit: { readonly count: number; readonly names: readonly string[] };
  readonly org: { readonly count: number; readonly names: readonly string[] };
}

export interface HistoryEntryView {
  readonly at: string;
  readonly actorName: string;
  readonly event: HistoryEvent;
  readonly revision: number;
  readonly note?: string;
  readonly changedFields?: readonly string[];
}

export interface RecordView {
  readonly id: string;
  readonly pairingId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly contentAreas: readonly ContentArea[];
  readonly content: string;
  readonly results: string;
  readonly participants: Participants;
  readonly organisations: { readonly unit: readonly MassOrganisation[]; readonly org: readonly MassOrganisation[] };
  readonly attachments: ReadonlyArray<{ readonly fileId: string; readonly name: string }>;
  readonly state: RecordState;
  readonly revision: number;
  readonly paper: boolean;
  readonly checkIn?: CheckInView;
  readonly activityId: string | null;
  readonly dispute?: { readonly reason: string; readonly at: string; readonly by: string };
  readonly confirmed?: { readonly at: string; readonly by: string };
  readonly authorName: string;
  readonly history: readonly HistoryEntryView[];
  /**
   * Only for an office over the record (`pairing.office`), in records.get, when the record carries
   * review flags or was reviewed: the flags (as 待核查的记录 judges them) and the office's review. Never
   * present for the unit or the org's leader: the note is the offices' own.
   */
  readonly checks?: RecordChecksOnView;
}

export interface RecordChecksOnView {
  readonly flags: readonly ReviewFlag[];
  readonly review: RecordReviewView | null;
}

export interface RecordSummary {
  readonly id: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly state: RecordState;
  readonly revision: number;
  readonly title: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly flagged: boolean;
}

export interface CheckInView {
  readonly id: string;
  readonly at: string;
  readonly distanceMetres: number;
  readonly accuracyMetres: number;
  readonly flags: readonly CheckInFlag[];
  readonly hasPhoto: boolean;
}

export interface PairingHome {
  readonly pairingId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly orgAddress: string;
  readonly cadence: readonly CadenceEntry[];
  readonly latest: readonly RecordSummary[];
  /** Records that wait on the unit side: drafts, disputes to answer, revisions to resubmit. */
  readonly waitingOnMe: readonly RecordSummary[];
}

/** A leader's decision on a record of the caller's pairings (home's 结果): 已确认, or 有异议 with the reason. */
export interface RecordResult {
  readonly record: RecordSummary;
  readonly result: 'confirmed' | 'disputed';
  /** The leader who decided. */
  readonly by: string;
  readonly at: string;
  /** The leader's objection (disputes only). */
  readonly reason?: string;
}

/**
 * The home screen in one answer: who the caller is (what session.whoami answers; someone who has
 * not joined gets UNAUTHENTICATED instead, where whoami says `person: null`), their pairings, what waits on them, and the org leaders
 * waiting for their approval (what session.pendingLeaders answers).
 */
export interface HomeOutput {
  readonly today: string;
  /** The caller, as session.whoami: null until they join by invitation. */
  readonly person: PersonView | null;
  readonly pairings: readonly PairingHome[];
  /** The latest leaders' decisions on the records of the caller's pairings, newest first (at most five; the record book's 已确认/有异议 filters page through the rest). */
  readonly results: readonly RecordResult[];
  /** For org party leaders: records waiting for their confirmation. */
  readonly toConfirm: readonly RecordSummary[];
  /** Org party leaders waiting for the caller's approval. */
  readonly pendingLeaders: readonly PendingLeaderView[];
}

export interface ConfirmLink {
  readonly token: string;
  /** Mini-program page with its query, e.g. `pages/confirm/index?t=...`. */
  readonly path: string;
  readonly expiresAt: string;
  /** PNG as a data URL, when asked for. */
  readonly qrImage?: string;
}

/** One field the unit changed between the version a leader's link was made for and the latest one. */
export interface RecordFieldChange {
  readonly field: string;
  /** The field's Chinese name (the audit trail's labels). */
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/**
 * A confirm link made for an earlier version of a record that has since been revised and submitted
 * again: the page shows the latest version, what changed since the link's version and the leader's
 * objection to it, and confirms the latest version by its id and revision (the old link itself is used up).
 */
export interface SupersededLinkView {
  /** The version the link was made for. */
  readonly linkRevision: number;
  readonly changes: readonly RecordFieldChange[];
  /** What the leader objected to in the link's version, when they disputed it. */
  readonly earlierObjection?: { readonly reason: string; readonly by: string; readonly at: string };
}

export interface ConfirmPageView {
  readonly record: RecordView;
  /** Present when the page was opened with the link of an earlier version (the record shown is the latest). */
  readonly superseded?: SupersededLinkView;
  /** Whether the caller is an approved leader of the record's org and the record waits for them. */
  readonly canConfirm: boolean;
  /** Why not, in Chinese, when they cannot. */
  readonly reason?: string;
  /** Whether the caller writes for the record's unit (修改、撤回、请负责人确认). */
  readonly unitSide: boolean;
  /**
   * For the unit side, while the record waits for the leader: its confirm link, unless it expired
   * (then `records.confirmLink` renews it; a read never writes).
   */
  readonly link?: ConfirmLink;
}

export type RecordsPage = Page<RecordSummary>;
export interface PendingOutput {
  readonly items: readonly RecordSummary[];
  /** With `withContent`: the oldest waiting records in full, in the same order. */
  readonly views?: readonly RecordView[];
}
/** Each record of a confirmMany, in the order given: confirmed, or why not (the others are confirmed all the same). */
export type ConfirmManyItem =
  | { readonly recordId: string; readonly ok: true; readonly record: RecordView }
  | { readonly recordId: string; readonly ok: false; readonly error: { readonly code: string; readonly message: string } };
export interface ConfirmManyOutput {
  readonly items: readonly ConfirmManyItem[];
}
export type SubmitOutput = { readonly record: RecordView; readonly link: ConfirmLink };
export type { CadenceEntry };

