import type { Io } from './io';
import type {
  AnswerOutput,
  answerInput,
  ballotCodesInput,
  BallotCodesView,
  createRoundInput,
  entryInput,
  EntryView,
  exportRoundInput,
  ExportView,
  linksInput,
  LinksView,
  listRoundsInput,
  mineInput,
  MineView,
  openRoundInput,
  pairingResultsInput,
  qrCodeInput,
  QrCodeView,
  ResultsView,
  RoundDetailView,
  RoundListView,
  roundPageInput,
  roundRefInput,
  updateDraftInput,
} from './surveys';

/** Cloud function `surveys`: evaluation rounds (评议), anonymous answers, results and points. */
export interface SurveyActionMap {
  'surveys.list': Io<typeof listRoundsInput, RoundListView>;
  'surveys.create': Io<typeof createRoundInput, RoundDetailView>;
  'surveys.round': Io<typeof roundPageInput, RoundDetailView>;
  'surveys.updateDraft': Io<typeof updateDraftInput, RoundDetailView>;
  'surveys.open': Io<typeof openRoundInput, RoundDetailView>;
  'surveys.close': Io<typeof roundRefInput, RoundDetailView>;
  'surveys.results': Io<typeof pairingResultsInput, ResultsView>;
  'surveys.export': Io<typeof exportRoundInput, ExportView>;
  'surveys.mine': Io<typeof mineInput, MineView>;
  'surveys.links': Io<typeof linksInput, LinksView>;
  'surveys.qrCode': Io<typeof qrCodeInput, QrCodeView>;
  'surveys.ballotCodes': Io<typeof ballotCodesInput, BallotCodesView>;
  'surveys.entry': Io<typeof entryInput, EntryView>;
  'surveys.answer': Io<typeof answerInput, AnswerOutput>;
}
