import { linkedPages } from '../../../src/contract/pages';
import { policy } from '../../../src/domain/access/policy';
import { formatBallotCode, MAX_CODES_PER_GROUP } from '../../../src/domain/surveys/ballotCodes';
import { respondentGroupIds } from '../../../src/domain/surveys/groups';
import { phaseOf } from '../../../src/domain/surveys/round';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { ballotCodesInput, linksInput, qrCodeInput } from '../../../src/contract/surveys';
import type { LinkView } from '../../../src/contract/surveys';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../../db/surveyDocuments';
import { publishFile } from '../../services/files/publishFile';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import { allows, refuseIfAwaitingApproval, requireAccess } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { ballotCodeFor } from './ballotKeys';
import { entryPath } from './entryDocuments';
import { roundSummary } from './roundProgress';
import { existingRound } from './roundsInScope';

/** A pairing's entries in a round, when the caller may hand out its links and codes (policy.survey.distribute). */
async function distributable(db: CloudDatabase, caller: Caller, roundId: string, pairingId: string): Promise<{ round: SurveyRoundDocument; entries: SurveyEntryDocument[] }> {
  const round = await existingRound(db, roundId);
  const entries = await surveyEntriesRepository(db).ofPairing(round._id, pairingId);
  const first = entries[0];
  if (!first) fail('NOT_FOUND', `pairing ${pairingId} not in survey round ${round._id}`, { field: 'pairingId', userMessage: '这次评议没有这个结对' });
  // The org's own leader, approval still pending, is told so rather than refused as a stranger.
  if (!allows(caller, policy.survey.distribute, first)) refuseIfAwaitingApproval(caller, first.orgId, `distribute survey ${round._id}`);
  requireAccess(caller, policy.survey.distribute, first, { as: 'FORBIDDEN', userMessage: '评议链接和评议码由本组织已审核的党组织负责人或党群共建办发放' });
  return { round, entries };
}

/**
 * surveys.links — each group's entry link and QR code, with how many have answered (counts only:
 * the org's leader reminds people, never learns who answered what).
 */
export const links = defineAction({
  name: 'surveys.links',
  input: linksInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const { round, entries } = await distributable(db, caller, input.roundId, input.pairingId);
    const groups: LinkView[] = [];
    for (const group of respondentGroupIds) {
      const entry = entries.find((candidate) => candidate.group === group);
      if (!entry) continue;
      groups.push({ group, entry: entry._id, path: entryPath(entry._id), responses: entry.responses, codesIssued: entry.codesIssued, codesRequired: entry.codesRequired });
    }
    const first = entries[0]!;
    return { round: roundSummary(round, now, caller), pairingId: first.pairingId, unitName: first.unitName, orgName: first.orgName, groups };
  },
});

/** How long a QR code's link lives: the card shows it now; a new one is made each time it is shown. */
const QR_LINK_SECONDS = 3600;

/**
 * surveys.qrCode — one group's mini-program code as a PNG in cloud storage, with a temporary link.
 * The page asks for it when the person opens that group's code, so the links answer (and the
 * page's setData) never carries images: three base64 codes were 187 KB in one setData.
 */
export const qrCode = defineAction({
  name: 'surveys.qrCode',
  input: qrCodeInput,
  access: 'person',
  async run({ db, cloud, caller }, input) {
    const { entries } = await distributable(db, caller, input.roundId, input.pairingId);
    const entry = entries.find((candidate) => candidate.group === input.group);
    if (!entry) fail('NOT_FOUND', `group ${input.group} missing in ${input.pairingId}`, { field: 'group', userMessage: '这个分组不存在' });
    const image = (await cloud.openapi.wxacode.getUnlimited({ scene: entry._id, page: linkedPages.survey, checkPath: false, width: 430 })) as { buffer: Buffer };
    const file = await publishFile(cloud, `survey-codes/${entry._id}.png`, Buffer.from(image.buffer), QR_LINK_SECONDS);
    return { group: entry.group, url: file.url, validForSeconds: QR_LINK_SECONDS };
  },
});

/**
 * surveys.ballotCodes — a group's one-time ballot codes, issuing `add` more first. Once a group has
 * codes, only a code answers in it (so the owner's entry cannot be used by anyone else). Codes are
 * derived from the entry and their number with the server's key: listing them again shows the same codes.
 */
export const ballotCodes = defineAction({
  name: 'surveys.ballotCodes',
  input: ballotCodesInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const { round, entries } = await distributable(db, caller, input.roundId, input.pairingId);
    const entry = entries.find((candidate) => candidate.group === input.group);
    if (!entry) fail('NOT_FOUND', `group ${input.group} missing in ${input.pairingId}`, { field: 'group', userMessage: '这个分组不存在' });
    let issued = entry.codesIssued;
    if (input.add > 0) {
      if (phaseOf(entry, now) !== 'open' || phaseOf(round, now) !== 'open') fail('CONFLICT', `survey round ${round._id} not open`, { userMessage: '评议已结束，不能再发放评议码' });
      if (issued + input.add > MAX_CODES_PER_GROUP) fail('INVALID_INPUT', `too many codes for ${entry._id}`, { field: 'add', userMessage: `每个分组最多 ${MAX_CODES_PER_GROUP} 个评议码，还可发放 ${MAX_CODES_PER_GROUP - issued} 个` });
      const issuedNow = await surveyEntriesRepository(db).issueCodes(entry._id, issued, { from: issued, count: input.add, issuedOn: chinaDateString(now), byName: caller.name });
      if (!issuedNow) fail('CONFLICT', `codes of ${entry._id} issued meanwhile`, { userMessage: '刚刚有人发放了评议码，请刷新后再试' });
      issued += input.add;
    }
    const codes = Array.from({ length: issued }, (_unused, index) => formatBallotCode(ballotCodeFor(entry._id, index)));
    return { group: entry.group, path: entryPath(entry._id), codes };
  },
});
