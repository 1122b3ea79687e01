import { z } from 'zod';
import type { CadenceEntry } from '../domain/cadence/cadence';
import type { CheckInFlag } from '../domain/geo/geofence';
import type { ContentArea, RecordKind } from '../domain/records/catalog';
import { contentAreaIds, recordKindIds } from '../domain/records/catalog';
import type { HistoryEvent } from '../domain/records/history';
import type { RecordState } from '../domain/records/stateMachine';
import { recordStateIds } from '../domain/records/stateMachine';
import type { MassOrganisation } from '../domain/catalog/organisations';
import { massOrganisations } from '../domain/catalog/organisations';
import { chinaDateField, idField, latitudeField, longitudeField, pageField, textField } from './fields';
import type { PendingLeaderView, PersonView } from './session';
import type { Page } from './fields';

const massOrganisationIds = Object.keys(massOrganisations) as MassOrganisation[];

const sideParticipants = z.object({
  count: z.number({ error: '参加人数须为数字' }).int('参加人数须为整数').min(0, '参加人数不能为负').max(5000, '参加人数过多'),
  names: z.array(textField('参加人员姓名', 20)).max(100, '参加人员名单最多 100 人').default([]),
});

/** The content of a record (积分行动记录本条目), as written by the unit side. */
export const recordContentInput = z.object({
  pairingId: idField,
  kind: z.enum(recordKindIds, { error: '请选择记录类型' }),
  /** The day the work took place, China calendar. */
  date: chinaDateField,
  contentAreas: z.array(z.enum(contentAreaIds, { error: '共建内容不在通知规定的九项之内' })).min(1, '请至少选择一项共建内容').max(9),
  content: textField('工作内容', 2000),
  results: textField('具体成效', 2000),
  participants: z.object({ unit: sideParticipants, org: sideParticipants }),
  /** The party and mass organisations taking part on each side (党、工、青、妇 pair up too). */
  organisations: z
    .object({ unit: z.array(z.enum(massOrganisationIds)).max(4).default([]), org: z.array(z.enum(massOrganisationIds)).max(4).default([]) })
    .default({ unit: [], org: [] }),
  attachments: z.array(z.object({ fileId: z.string().min(1).max(300), name: textField('附件名称', 100) })).max(9, '附件最多 9 个').default([]),
  checkInId: idField.optional(),
  /** The joint activity this record writes up (its attendance fills the participants). */
  activityId: idField.optional(),
});
export type RecordContentInput = z.input<typeof recordContentInput>;

/** records.save — create (idempotent by clientKey) or edit a draft or a revision. */
export const saveRecordInput = recordContentInput.extend({
  /** Generated on the phone when writing starts: a retried save never makes a second record. */
  clientKey: z.string().regex(/^[\w-]{8,64}$/, '记录标识格式不正确'),
  /** Set when an office enters a paper record on the unit's behalf (补录). */
  paper: z.boolean().default(false),
});

export const recordRefInput = z.object({ recordId: idField });
/** records.submit — idempotent for the same revision. */
export const submitRecordInput = z.object({ recordId: idField, revision: z.number().int().min(1) });
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
export const pendingInput = z.object({}).strict();
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

/**
 * The home screen in one answer: who the caller is (what session.whoami answers; someone who has
 * not joined gets UNAUTHENTICATED instead, where whoami says `person: null`), their pairings, what waits on them, and the org leaders
 * waiting for their approval (what session.pendingLeaders answers).
 */
export interface HomeOutput {
  readonly today: string;
  readonly person: PersonView;
  readonly pairings: readonly PairingHome[];
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

export interface ConfirmPageView {
  readonly record: RecordView;
  /** Whether the caller is an approved leader of the record's org and the record waits for them. */
  readonly canConfirm: boolean;
  /** Why not, in Chinese, when they cannot. */
  readonly reason?: string;
}

export type RecordsPage = Page<RecordSummary>;
export type SubmitOutput = { readonly record: RecordView; readonly link: ConfirmLink };
export type { CadenceEntry };

