/**
 * Demo data for the evaluation surveys (评议): an open round for the whole demo district with the
 * default form, and a few anonymous answers written the way the `surveys` function writes them
 * (once-only keys apart, tallies without identity or time). 深圳华星光电 (李明's pairing) has two
 * answers from its party and mass organisations — below the threshold of three, so only the count
 * shows — and 区教育局's pairing has enough to show results once the round ends.
 */
import type { Choice } from '../../src/domain/surveys/form';
import { defaultForm } from '../../src/domain/surveys/form';
import type { RespondentGroup } from '../../src/domain/surveys/groups';
import { onceOnlyMaterials } from '../../src/domain/surveys/onceOnly';
import { DEFAULT_MAX_POINTS, DEFAULT_WEIGHTS } from '../../src/domain/surveys/points';
import { endsAtOf, suggestedRound } from '../../src/domain/surveys/round';
import { MIN_GROUP_SIZE } from '../../src/domain/surveys/visibility';
import { chinaDateString, inChina } from '../../src/domain/time/chinaTime';
import { surveyEntriesRepository } from '../../server/repositories/surveyEntries';
import { surveyRoundsRepository } from '../../server/repositories/surveyRounds';
import type { SurveyRoundDocument } from '../../server/db/surveyDocuments';
import type { CloudDatabase } from '../../server/runtime/cloud';
import { pairingsToSend } from '../../server/actions/surveys/coverage';
import { ensureEntries } from '../../server/actions/surveys/entryDocuments';
import { rememberOpenEntry } from '../../server/actions/surveys/openEntries';
import { recordAnswer } from '../../server/actions/surveys/respond';
import type { DemoDistrict } from './demoDistrict';

type Answers = readonly Choice[];

const s: Choice = 'satisfied';
const b: Choice = 'basic';
const d: Choice = 'dissatisfied';

/** [pairing index, group, the six answers, comment] */
const demoAnswers: ReadonlyArray<readonly [number, RespondentGroup, Answers, string]> = [
  [0, 'partyMass', [s, s, b, s, b, s], '希望联合活动多安排在周末，方便一线员工参加。'],
  [0, 'partyMass', [s, b, b, s, s, s], ''],
  [1, 'employees', [s, s, s, b, s, s], '帮助解决了员工子女入学的问题，感谢！'],
  [1, 'employees', [b, s, b, b, d, s], ''],
  [1, 'employees', [s, s, s, s, b, s], '走访时可以多和一线员工座谈。'],
  [1, 'partyMass', [s, s, s, s, s, s], ''],
  [1, 'owner', [s, b, s, s, b, s], ''],
];

export async function seedDemoSurveys(db: CloudDatabase, district: DemoDistrict, now: Date): Promise<SurveyRoundDocument> {
  // This year's pairings: mid-year until September, year-end after.
  const year = district.pairings[0]!.year;
  const period = inChina(now).month() + 1 <= 9 ? 'midYear' : 'yearEnd';
  const endDate = suggestedRound(now).endDate;
  const form = defaultForm();
  const round: SurveyRoundDocument = {
    _id: `survey-${year}-${period}-district`,
    year,
    period,
    scope: { type: 'district' },
    scopeName: '全区',
    state: 'draft',
    form,
    weights: { ...DEFAULT_WEIGHTS },
    threshold: MIN_GROUP_SIZE,
    maxPoints: DEFAULT_MAX_POINTS,
    endDate,
    endsAt: endsAtOf(endDate)!,
    pairingIds: [],
    createdById: 'person-zhoutao',
    createdByName: '周涛',
    createdAt: now,
    updatedAt: now,
    openedAt: null,
    closedAt: null,
  };
  const pairings = await pairingsToSend(db, round, chinaDateString(now));
  const opened: SurveyRoundDocument = { ...round, state: 'open', openedAt: now, pairingIds: pairings.map((pairing) => pairing._id) };
  await surveyRoundsRepository(db).insert(opened);
  await ensureEntries(db, opened, pairings);

  for (const [index, [pairingIndex, group, answers, comment]] of demoAnswers.entries()) {
    const pairingId = district.pairings[pairingIndex]!._id;
    const entry = (await surveyEntriesRepository(db).ofPairing(opened._id, pairingId)).find((candidate) => candidate.group === group);
    if (!entry) continue;
    const choices = Object.fromEntries(form.items.map((item, position) => [item.id, answers[position] ?? s]));
    await recordAnswer(db, rememberOpenEntry(entry), { materials: onceOnlyMaterials(opened._id, pairingId, { openid: `demo-respondent-${index + 1}` }), withCode: false, choices, comment }, now);
  }
  return opened;
}
