import { formatBallotCode, MAX_CODES_PER_GROUP } from '../../../src/domain/surveys/ballotCodes';
import { respondentGroupIds } from '../../../src/domain/surveys/groups';
import { phaseOf } from '../../../src/domain/surveys/round';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { ballotCodesInput, linksInput } from '../../../src/contract/surveys';
import type { LinkView } from '../../../src/contract/surveys';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../../db/surveyDocuments';
import { updateWhere } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { canDistribute } from './access';
import { entryPath, SURVEY_PAGE } from './entryDocuments';
import { ballotCodeFor } from './secrets';
import { entriesOfPairing, roundOrFail } from './store';
import { roundSummary } from './views';

async function distributable(db: CloudDatabase, caller: Caller, roundId: string, pairingId: string): Promise<{ round: SurveyRoundDocument; entries: SurveyEntryDocument[] }> {
  const round = await roundOrFail(db, roundId);
  const entries = await entriesOfPairing(db, round._id, pairingId);
  const first = entries[0];
  if (!first) fail('NOT_FOUND', `pairing ${pairingId} not in survey round ${round._id}`, { field: 'pairingId', userMessage: '这次评议没有这个结对' });
  if (!canDistribute(caller.grants, first)) fail('FORBIDDEN', `person ${caller.personId} may not hand out links of ${pairingId}`, { userMessage: '评议链接和评议码由本组织已审核的党组织负责人或党群共建办发放' });
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
  async run({ db, cloud, caller, now }, input) {
    const { round, entries } = await distributable(db, caller, input.roundId, input.pairingId);
    const groups: LinkView[] = [];
    for (const group of respondentGroupIds) {
      const entry = entries.find((candidate) => candidate.group === group);
      if (!entry) continue;
      const view: LinkView = { group, entry: entry._id, path: entryPath(entry._id), responses: entry.responses, codesIssued: entry.codesIssued, codesRequired: entry.codesRequired };
      if (!input.withQrImage) {
        groups.push(view);
        continue;
      }
      const image = (await cloud.openapi.wxacode.getUnlimited({ scene: entry._id, page: SURVEY_PAGE, checkPath: false, width: 430 })) as { buffer: Buffer; contentType: string };
      groups.push({ ...view, qrImage: `data:${image.contentType};base64,${Buffer.from(image.buffer).toString('base64')}` });
    }
    const first = entries[0]!;
    return { round: roundSummary(round, now, caller.grants), pairingId: first.pairingId, unitName: first.unitName, orgName: first.orgName, groups };
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
      const changed = await updateWhere(db.collection('surveyEntries').where({ _id: entry._id, codesIssued: issued }), {
        codesIssued: issued + input.add,
        codesRequired: true,
        rosters: db.command.push({ from: issued, count: input.add, issuedOn: chinaDateString(now), byName: caller.name }),
      });
      if (changed === 0) fail('CONFLICT', `codes of ${entry._id} issued meanwhile`, { userMessage: '刚刚有人发放了评议码，请刷新后再试' });
      issued += input.add;
    }
    const codes = Array.from({ length: issued }, (_unused, index) => formatBallotCode(ballotCodeFor(entry._id, index)));
    return { group: entry.group, path: entryPath(entry._id), codes };
  },
});
