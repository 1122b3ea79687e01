/**
 * Survey answers against `kill -9` (issue 10, "Answers exactly once"), on the real product in its own
 * process: a street office opens a round, an org's party leader hands out the employees' link, then
 * in each cycle a crowd of respondents (each signed in with its own openid, each answer with its own
 * submission token, as src/pages/survey/useSurvey.ts sends it) answers at once and the server is
 * killed with SIGKILL once `killAfter` of them were told "counted". The product restarts on the same
 * data folder; whoever got no answer or a busy one sends the very same submission again (as
 * src/client/retryAction.ts does), and so does half of those told "counted" (as a phone that lost that
 * answer at the kill would), until each gets a final answer.
 *
 * Used by tests/localcloud/killNine.test.ts (assertions) and `npm run bench -- kill` (5 cycles, figures).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionInput } from '../../src/contract/actions';
import type { SurveyPeriod } from '../../src/domain/surveys/round';
import type { Answer } from './httpCaller';
import { callOverHttp, dataOverHttp, LOST, signInOverHttp } from './httpCaller';
import type { ProductProcess } from './productProcess';
import { startProduct } from './productProcess';

/** The demo district's 龙城街道 office and the party leader of 深圳华星光电 (org-001), as in tests/e2e/surveys.e2e.ts. */
const OFFICE = 'demo-sunli';
const LEADER = 'demo-wangfang';
/** A client re-sends a lost or busy submission this many times at most (after the restart). */
const MAX_RESENDS = 12;

export interface CycleOutcome {
  readonly respondents: number;
  /** The kill was ordered when this many respondents had been told "counted" (or after all answered, if fewer were). */
  readonly killAfter: number;
  /** Requests still unanswered when the kill was ordered. */
  readonly inFlightAtKill: number;
  /** Respondents told "counted" by their first request (before the kill, or in the instant of it). */
  readonly acknowledged: number;
  /** Respondents whose first request got no answer (the kill cut it). */
  readonly lostInKill: number;
  /** First answers other than "counted", by code (LOST: none came; RATE_LIMITED: busy, send again). */
  readonly firstFailures: Readonly<Record<string, number>>;
  /** Told "counted" before the kill, yet the restarted product does not know they answered: each a lost answer. */
  readonly acknowledgedButForgotten: number;
  /** The group's count and its once-only keys in the database right after the restart, before anyone re-sent. */
  readonly countedAfterRestart: number;
  readonly keysAfterRestart: number;
  /** Final answers (after re-sending, for those who did): "counted" for how many, and what the others were told. */
  readonly toldCounted: number;
  readonly finalRefusals: Readonly<Record<string, number>>;
  /** The group's count and once-only keys at the end of the cycle. */
  readonly countedAtEnd: number;
  readonly keysAtEnd: number;
}

export interface KillNineRun {
  readonly cycles: readonly CycleOutcome[];
}

interface Round {
  readonly roundId: string;
  readonly pairingId: string;
  readonly entry: string;
}

/** One data folder, one round, one kill per entry of `killAfter`; everything started is ended and removed. */
export async function runKillNine(options: { respondents: number; killAfter: readonly number[]; log?: (line: string) => void }): Promise<KillNineRun> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongjian-kill9-'));
  const started = Date.now();
  const log = (line: string) => options.log?.(`${((Date.now() - started) / 1000).toFixed(1)} s  ${line}`);
  let product: ProductProcess | undefined;
  try {
    product = await startProduct(dataDir);
    log('product started');
    const round = await openRound(product.baseUrl);
    log('round opened');
    const cycles: CycleOutcome[] = [];
    for (const [index, killAfter] of options.killAfter.entries()) {
      const outcome = await killCycle(product, dataDir, round, `k9c${index + 1}`, options.respondents, killAfter, cycles.reduce((sum, cycle) => sum + cycle.countedAtEnd, 0), log);
      product = outcome.product;
      cycles.push(outcome.outcome);
    }
    return { cycles };
  } finally {
    await product?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The street office creates and opens a round for the period the district's seeded round leaves free; the leader's employees link. */
async function openRound(baseUrl: string): Promise<Round> {
  const office = await signInOverHttp(baseUrl, OFFICE);
  const list = await dataOverHttp(baseUrl, office, 'surveys.list', {});
  const taken = new Set(list.items.filter((round) => round.year === list.suggested.year).map((round) => round.period));
  const period = (['midYear', 'yearEnd'] as const).find((candidate: SurveyPeriod) => !taken.has(candidate));
  const scope = list.scopes[0];
  if (!period || !scope) throw new Error(`no free period or scope for ${OFFICE}: ${JSON.stringify(list)}`);
  const draft = await dataOverHttp(baseUrl, office, 'surveys.create', { period, year: list.suggested.year, endDate: list.suggested.endDate, ...(scope.streetId ? { streetId: scope.streetId } : {}) });
  const opened = await dataOverHttp(baseUrl, office, 'surveys.open', { roundId: draft.round.id, formVersion: draft.round.form.version });
  const leader = await signInOverHttp(baseUrl, LEADER);
  const mine = await dataOverHttp(baseUrl, leader, 'surveys.mine', {});
  const item = mine.asLeader.find((candidate) => candidate.round.id === opened.round.id);
  if (!item) throw new Error(`${LEADER} leads no pairing of round ${opened.round.id}`);
  const links = await dataOverHttp(baseUrl, leader, 'surveys.links', { roundId: item.round.id, pairingId: item.pairingId });
  const employees = links.groups.find((link) => link.group === 'employees');
  if (!employees) throw new Error('no employees link');
  return { roundId: item.round.id, pairingId: item.pairingId, entry: employees.entry };
}

interface Respondent {
  readonly openid: string;
  readonly cookie: string;
  readonly input: ActionInput<'surveys.answer'>;
}

async function killCycle(
  first: ProductProcess,
  dataDir: string,
  round: Round,
  prefix: string,
  count: number,
  killAfter: number,
  countedBefore: number,
  log: (line: string) => void,
): Promise<{ product: ProductProcess; outcome: CycleOutcome }> {
  const respondents = await prepare(first.baseUrl, round, prefix, count);
  log(`${prefix}: ${count} respondents signed in`);

  // Everyone answers at once; the kill is ordered from the handler of the killAfter-th "counted".
  let acknowledged = 0;
  let settled = 0;
  let inFlightAtKill = -1;
  let killed: Promise<void> | undefined;
  const kill = () => {
    if (killed) return;
    inFlightAtKill = count - settled;
    killed = first.killNine();
  };
  const firstAnswers = await Promise.all(
    respondents.map(async (respondent) => {
      const answer = await callOverHttp(first.baseUrl, respondent.cookie, 'surveys.answer', respondent.input);
      settled += 1;
      if (answer !== LOST && answer.ok) {
        acknowledged += 1;
        if (acknowledged === killAfter) kill();
      }
      return answer;
    }),
  );
  kill();
  await killed;
  log(`${prefix}: killed after ${acknowledged} counted, ${inFlightAtKill} in flight`);

  const product = await startProduct(dataDir);
  log(`${prefix}: restarted`);
  const told = respondents.map((respondent, index) => ({ respondent, first: firstAnswers[index]! }));
  const acked = told.filter(({ first: answer }) => answer !== LOST && answer.ok);

  // Before anyone re-sends: the restarted product must know every acknowledged respondent answered.
  const forgotten = await Promise.all(acked.map(async ({ respondent }) => !(await knowsAnswered(product.baseUrl, respondent))));
  const countedAfterRestart = (await countOf(product.baseUrl, round)) - countedBefore;
  const keysAfterRestart = keysOf(dataDir, round) - countedBefore;
  log(`${prefix}: checked who the restarted product remembers`);

  // Those cut by the kill send the same submission again; so does every other one told "counted", as a
  // phone that lost that answer at the kill would (it must be recognised as counted, and count once).
  // The rest saw "counted" and closed the page: their answer must be in the count without any help.
  const finals = await Promise.all(
    told.map(({ respondent, first: answer }, index) => (answer !== LOST && answer.ok && index % 2 === 1 ? answer : resend(product.baseUrl, respondent))),
  );
  log(`${prefix}: re-sent`);
  const outcome: CycleOutcome = {
    respondents: count,
    killAfter,
    inFlightAtKill,
    acknowledged: acked.length,
    lostInKill: firstAnswers.filter((answer) => answer === LOST).length,
    firstFailures: codesOf(firstAnswers),
    acknowledgedButForgotten: forgotten.filter(Boolean).length,
    countedAfterRestart,
    keysAfterRestart,
    toldCounted: finals.filter((answer) => answer !== LOST && answer.ok).length,
    finalRefusals: codesOf(finals),
    countedAtEnd: (await countOf(product.baseUrl, round)) - countedBefore,
    keysAtEnd: keysOf(dataDir, round) - countedBefore,
  };
  return { product, outcome };
}

/** Each respondent signed in on its own phone, its answer ready with a fresh submission token. */
async function prepare(baseUrl: string, round: Round, prefix: string, count: number): Promise<Respondent[]> {
  const anonymous = await signInOverHttp(baseUrl, `${prefix}-look`);
  const view = await dataOverHttp(baseUrl, anonymous, 'surveys.entry', { entry: round.entry });
  const answers = Object.fromEntries(view.form.items.map((item) => [item.id, 'satisfied' as const]));
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const openid = `${prefix}-${String(index).padStart(3, '0')}`;
      const cookie = await signInOverHttp(baseUrl, openid);
      return { openid, cookie, input: { entry: round.entry, formVersion: view.form.version, answers, submission: randomBytes(16).toString('base64url') } };
    }),
  );
}

/** The very same submission again while the answer is lost or busy (src/client/retryAction.ts), then the final answer. */
async function resend(baseUrl: string, respondent: Respondent): Promise<Answer<unknown>> {
  let answer: Answer<unknown> = LOST;
  for (let attempt = 1; attempt <= MAX_RESENDS; attempt += 1) {
    answer = await callOverHttp(baseUrl, respondent.cookie, 'surveys.answer', respondent.input);
    if (answer !== LOST && (answer.ok || !['INTERNAL', 'RATE_LIMITED'].includes(answer.error.code))) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
  return answer;
}

/** What the survey page asks when it opens: has this person answered this round already? */
async function knowsAnswered(baseUrl: string, respondent: Respondent): Promise<boolean> {
  const answer = await callOverHttp(baseUrl, respondent.cookie, 'surveys.entry', { entry: respondent.input.entry });
  if (answer === LOST || !answer.ok) throw new Error(`surveys.entry for ${respondent.openid}: ${answer === LOST ? 'no answer' : answer.error.code}`);
  return answer.data.eligibility === 'answered';
}

/** The group's answer count as its party leader sees it. */
async function countOf(baseUrl: string, round: Round): Promise<number> {
  const leader = await signInOverHttp(baseUrl, LEADER);
  const links = await dataOverHttp(baseUrl, leader, 'surveys.links', { roundId: round.roundId, pairingId: round.pairingId });
  return links.groups.find((link) => link.group === 'employees')?.responses ?? 0;
}

/** Once-only keys of the pairing in the round, read straight from the data folder's database. */
function keysOf(dataDir: string, round: Round): number {
  const sqlite = new Database(path.join(dataDir, 'database.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = sqlite
      .prepare("SELECT count(*) AS n FROM c_surveyBallots WHERE json_extract(data, '$.roundId') = ? AND json_extract(data, '$.pairingId') = ?")
      .get(round.roundId, round.pairingId) as { n: number };
    return row.n;
  } finally {
    sqlite.close();
  }
}

function codesOf(answers: ReadonlyArray<Answer<unknown>>): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const answer of answers) {
    const code = answer === LOST ? 'LOST' : answer.ok ? undefined : answer.error.code;
    if (code !== undefined) codes[code] = (codes[code] ?? 0) + 1;
  }
  return codes;
}
