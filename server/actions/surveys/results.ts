import { policy } from '../../../src/domain/access/policy';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { mineInput, pairingResultsInput } from '../../../src/contract/surveys';
import type { MineItemView } from '../../../src/contract/surveys';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';
import type { EntryCounts } from '../../repositories/surveyEntries';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import { surveyRoundsRepository } from '../../repositories/surveyRounds';
import { requireAccess, subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { byPairing, countsByGroup, totalOf } from './pairingEntries';
import { resultsView } from './pairingResults';
import { pointsOf, roundSummary } from './roundProgress';
import { existingRound } from './roundsInScope';

/**
 * surveys.results — a pairing's results in a round for the unit evaluated and the offices over it
 * (policy.survey.results): counts per group always; per-item results of a group once the round has
 * closed and the group has enough answers (never the business owner's alone); comments and points
 * once closed. The org's party leader is refused: they see counts on the links page.
 */
export const results = defineAction({
  name: 'surveys.results',
  input: pairingResultsInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const round = await existingRound(db, input.roundId);
    const entries = await surveyEntriesRepository(db).ofPairing(round._id, input.pairingId);
    const first = entries[0];
    if (!first) fail('NOT_FOUND', `pairing ${input.pairingId} not in survey round ${round._id}`, { field: 'pairingId', userMessage: '这次评议没有这个结对' });
    requireAccess(caller, policy.survey.results, first, { as: 'FORBIDDEN', userMessage: '评议结果只向被评议单位和党群共建办公开；组织负责人可以查看答卷份数' });
    return resultsView(round, now, caller, entries);
  },
});

/** surveys.mine — the rounds evaluating the caller's unit (with points once closed), and those of the orgs they lead (counts only). */
export const mine = defineAction({
  name: 'surveys.mine',
  input: mineInput,
  access: 'person',
  async run({ db, caller, now }) {
    const year = Number(chinaDateString(now).slice(0, 4));
    const years = [year - 1, year];
    const { unitIds, orgIds } = subjectOfCaller(caller);
    const entries = surveyEntriesRepository(db);
    const [asUnit, asLeader] = await Promise.all([
      unitIds.length === 0 ? [] : entries.ofYears({ unitIds }, years),
      orgIds.length === 0 ? [] : entries.ofYears({ orgIds }, years),
    ]);
    const roundIds = [...new Set([...asUnit, ...asLeader].map((entry) => entry.roundId))];
    const rounds = roundIds.length === 0 ? [] : await surveyRoundsRepository(db).byIds(roundIds);
    return { asUnit: mineItems(rounds, asUnit, caller, now, true), asLeader: mineItems(rounds, asLeader, caller, now, false) };
  },
});

function mineItems(rounds: readonly SurveyRoundDocument[], entries: readonly EntryCounts[], caller: Caller, now: Date, withPoints: boolean): MineItemView[] {
  const items: Array<MineItemView & { createdAt: number }> = [];
  for (const round of rounds) {
    const summary = roundSummary(round, now, caller);
    for (const own of byPairing(entries.filter((entry) => entry.roundId === round._id)).values()) {
      const responses = countsByGroup(own);
      items.push({
        round: summary,
        pairingId: own[0]!.pairingId,
        unitName: own[0]!.unitName,
        orgName: own[0]!.orgName,
        responses,
        total: totalOf(responses),
        points: withPoints ? pointsOf(round, summary.phase, own) : null,
        createdAt: new Date(round.createdAt).getTime(),
      });
    }
  }
  return items.sort((a, b) => b.createdAt - a.createdAt).map(({ createdAt: _createdAt, ...item }) => item);
}
