import type { Io } from './io';
import type {
  checkInInput,
  CheckInView,
  confirmLinkInput,
  confirmManyInput,
  ConfirmManyOutput,
  confirmOnPaperInput,
  ConfirmLink,
  ConfirmPageView,
  confirmRecordInput,
  disputeRecordInput,
  getRecordInput,
  homeInput,
  HomeOutput,
  listRecordsInput,
  pendingInput,
  PendingOutput,
  recordRefInput,
  RecordsPage,
  RecordView,
  saveRecordInput,
  SubmitOutput,
  submitRecordInput,
  withdrawRecordInput,
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
  'records.pending': Io<typeof pendingInput, PendingOutput>;
  'records.confirmLink': Io<typeof confirmLinkInput, ConfirmLink>;
  'records.confirmOnPaper': Io<typeof confirmOnPaperInput, { record: RecordView }>;
  'records.withdraw': Io<typeof withdrawRecordInput, { record: RecordView }>;
  'records.confirmMany': Io<typeof confirmManyInput, ConfirmManyOutput>;
}
