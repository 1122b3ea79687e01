import type { Io } from './io';
import type {
  activityRefInput,
  ActivityView,
  attendInput,
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
  listActivitiesInput,
  listRecordsInput,
  pendingInput,
  postActivityInput,
  recordRefInput,
  RecordsPage,
  RecordSummary,
  RecordView,
  saveRecordInput,
  SubmitOutput,
  submitRecordInput,
  venueCodeInput,
  VenueCodeView,
} from './records';

/** Cloud function `records`: visits, the record book (积分行动记录本) and one-tap confirmation. */
export interface RecordActionMap {
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
}

/** Cloud function `activities`: quarterly joint activities (一季一活动) and venue attendance. */
export interface ActivityActionMap {
  'activities.post': Io<typeof postActivityInput, { activity: ActivityView }>;
  'activities.list': Io<typeof listActivitiesInput, { items: readonly ActivityView[] }>;
  'activities.get': Io<typeof activityRefInput, { activity: ActivityView }>;
  'activities.venueCode': Io<typeof venueCodeInput, VenueCodeView>;
  'activities.attend': Io<typeof attendInput, { activity: ActivityView; alreadyCheckedIn: boolean }>;
}
