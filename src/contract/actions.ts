import type { z } from 'zod';
import type {
  activityRefInput,
  ActivityView,
  attendInput,
  listActivitiesInput,
  postActivityInput,
  venueCodeInput,
  VenueCodeView,
  checkInInput,
  CheckInView,
  confirmLinkInput,
  ConfirmLink,
  ConfirmPageView,
  confirmRecordInput,
  disputeRecordInput,
  getRecordInput,
  homeInput,
  HomeOutput,
  listRecordsInput,
  pendingInput,
  recordRefInput,
  RecordsPage,
  RecordSummary,
  RecordView,
  saveRecordInput,
  SubmitOutput,
  submitRecordInput,
} from './records';
import type {
  approveLeaderInput,
  inviteInput,
  InvitationView,
  joinInput,
  JoinOutput,
  pendingLeadersInput,
  PendingLeaderView,
  whoamiInput,
  WhoamiOutput,
} from './session';

type Io<S extends z.ZodType, O> = { input: z.input<S>; output: O };

/**
 * Every cloud action: its input (as the caller sends it) and its output.
 * The action name is `<cloud function>.<verb>`: the part before the dot names the function.
 * Pages import this file for types only; the schemas (zod) are used by the functions.
 */
export interface ActionMap {
  'session.whoami': Io<typeof whoamiInput, WhoamiOutput>;
  'session.join': Io<typeof joinInput, JoinOutput>;
  'session.invite': Io<typeof inviteInput, InvitationView>;
  'session.pendingLeaders': Io<typeof pendingLeadersInput, { items: readonly PendingLeaderView[] }>;
  'session.approveLeader': Io<typeof approveLeaderInput, { person: PendingLeaderView & { approved: true } }>;
  'records.home': Io<typeof homeInput, HomeOutput>;
  'records.checkIn': Io<typeof checkInInput, { checkIn: CheckInView }>;
  'records.save': Io<typeof saveRecordInput, { record: RecordView }>;
  'records.submit': Io<typeof submitRecordInput, SubmitOutput>;
  'records.revise': Io<typeof recordRefInput, { record: RecordView }>;
  'records.confirm': Io<typeof confirmRecordInput, { record: RecordView }>;
  'records.dispute': Io<typeof disputeRecordInput, { record: RecordView }>;
  'records.get': Io<typeof getRecordInput, ConfirmPageView>;
  'records.list': Io<typeof listRecordsInput, RecordsPage>;
  'records.pending': Io<typeof pendingInput, { items: readonly RecordSummary[] }>;
  'records.confirmLink': Io<typeof confirmLinkInput, ConfirmLink>;
  'activities.post': Io<typeof postActivityInput, { activity: ActivityView }>;
  'activities.list': Io<typeof listActivitiesInput, { items: readonly ActivityView[] }>;
  'activities.get': Io<typeof activityRefInput, { activity: ActivityView }>;
  'activities.venueCode': Io<typeof venueCodeInput, VenueCodeView>;
  'activities.attend': Io<typeof attendInput, { activity: ActivityView; alreadyCheckedIn: boolean }>;
}

export type ActionName = keyof ActionMap;
export type ActionInput<K extends ActionName> = ActionMap[K]['input'];
export type ActionOutput<K extends ActionName> = ActionMap[K]['output'];

/** The envelope a cloud function receives as `event`. */
export interface ActionEvent<K extends ActionName = ActionName> {
  readonly action: K;
  readonly input: ActionInput<K>;
}

export function functionOf(action: string): string {
  const dot = action.indexOf('.');
  return dot > 0 ? action.slice(0, dot) : action;
}
