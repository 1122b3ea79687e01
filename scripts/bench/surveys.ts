/**
 * Evaluation surveys (评议) on the local cloud: how many anonymous answers a second it sustains, in
 * process and over HTTP as the h5 app sends them, and how many database requests one answer costs
 * (goal ≤ 3: the caller, the once-only key, the tally). Each respondent is a distinct WeChat identity;
 * answers spread over every group of every pairing of the demo district's open round.
 */
import type { ActionResult } from '../../src/contract/result';
import type { Choice } from '../../src/domain/surveys/form';
import { choiceIds, DEFAULT_FORM_ITEMS } from '../../src/domain/surveys/form';
import { wxServerSdk } from '../../localcloud/sdk';
import type { LocalCloud } from '../../localcloud';
import { startHttpServer } from '../../localcloud/http/server';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../../server/db/surveyDocuments';
import { Collection } from '../../server/db/collection';
import { openLocalCloud } from '../open-local-cloud';
import { h5Root } from '../paths';
import { seedDemoDistrict } from '../seed/seed';
import { median } from './stats';
import type { Figure } from './stats';

const IN_PROCESS_ANSWERS = 3000;
const IN_PROCESS_IN_FLIGHT = 50;
const HTTP_ANSWERS = 1000;
const HTTP_IN_FLIGHT = 20;

const answersOf = (index: number): Record<string, Choice> => Object.fromEntries(DEFAULT_FORM_ITEMS.map((item, position) => [item.id, choiceIds[(index + position) % 3]!]));

/** Runs `work(0…total-1)` with at most `inFlight` at once; answers the elapsed seconds. */
async function sustained(total: number, inFlight: number, work: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) await work(next++);
    }),
  );
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function expectOk(result: unknown, what: string): void {
  if (!(result as ActionResult<unknown>).ok) throw new Error(`${what}: ${JSON.stringify(result)}`);
}

async function openEntries(): Promise<string[]> {
  const db = wxServerSdk().database();
  const round = await new Collection<SurveyRoundDocument>(db, 'surveyRounds').first({ state: 'open' });
  if (!round) throw new Error('the demo district has no open survey round');
  return (await new Collection<SurveyEntryDocument>(db, 'surveyEntries').findEvery({ roundId: round._id }, { fields: { _id: 1 } })).map((entry) => entry._id);
}

async function requestsPerAnswer(cloud: LocalCloud, entries: readonly string[]): Promise<Figure[]> {
  const counted = async (work: () => Promise<unknown>) => {
    cloud.db.resetStats();
    expectOk(await work(), 'bench call');
    return cloud.db.stats.requests;
  };
  const opening: number[] = [];
  const answering: number[] = [];
  for (let index = 0; index < 30; index += 1) {
    const entry = entries[index % entries.length]!;
    const openid = `bench-requests-${index}`;
    opening.push(await counted(() => cloud.callAs(openid, 'surveys', { action: 'surveys.entry', input: { entry } })));
    answering.push(await counted(() => cloud.callAs(openid, 'surveys', { action: 'surveys.answer', input: { entry, formVersion: 1, answers: answersOf(index), comment: '' } })));
  }
  return [
    { name: 'surveys: database requests per answer (surveys.answer, WeChat identity)', value: median(answering), unit: 'requests (median, goal ≤ 3)' },
    { name: 'surveys: database requests to open a group link (surveys.entry)', value: median(opening), unit: 'requests (median)' },
  ];
}

async function inProcess(cloud: LocalCloud, entries: readonly string[]): Promise<Figure> {
  const seconds = await sustained(IN_PROCESS_ANSWERS, IN_PROCESS_IN_FLIGHT, async (index) => {
    const entry = entries[index % entries.length]!;
    expectOk(await cloud.callAs(`bench-answer-${index}`, 'surveys', { action: 'surveys.answer', input: { entry, formVersion: 1, answers: answersOf(index), comment: index % 4 === 0 ? `意见${index}` : '' } }), 'answer');
  });
  return { name: `surveys: sustained answers per second, in process (${IN_PROCESS_ANSWERS} answers, ${IN_PROCESS_IN_FLIGHT} in flight)`, value: Math.round(IN_PROCESS_ANSWERS / seconds), unit: 'answers/s' };
}

async function overHttp(cloud: LocalCloud, entries: readonly string[]): Promise<Figure> {
  const server = await startHttpServer({ cloud, staticRoot: h5Root, host: '127.0.0.1', port: 0 });
  try {
    const base = cloud.baseUrl;
    const cookies: string[] = [];
    for (let index = 0; index < HTTP_ANSWERS; index += 1) {
      const response = await fetch(`${base}/__local/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: `bench-http-${index}` }) });
      cookies.push((response.headers.get('set-cookie') ?? '').split(';')[0]!);
    }
    const seconds = await sustained(HTTP_ANSWERS, HTTP_IN_FLIGHT, async (index) => {
      const entry = entries[index % entries.length]!;
      const response = await fetch(`${base}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[index]! },
        body: JSON.stringify({ action: 'surveys.answer', input: { entry, formVersion: 1, answers: answersOf(index) } }),
      });
      expectOk(await response.json(), 'answer over HTTP');
    });
    return { name: `surveys: sustained answers per second over HTTP (${HTTP_ANSWERS} answers, ${HTTP_IN_FLIGHT} in flight)`, value: Math.round(HTTP_ANSWERS / seconds), unit: 'answers/s' };
  } finally {
    server.close();
  }
}

export async function surveyFigures(): Promise<Figure[]> {
  const cloud = openLocalCloud({ dataDir: null, functionsFrom: 'source' });
  try {
    await seedDemoDistrict(wxServerSdk().database(), new Date());
    const entries = await openEntries();
    const requests = await requestsPerAnswer(cloud, entries);
    const local = await inProcess(cloud, entries);
    const http = await overHttp(cloud, entries);
    const stored = (await new Collection<SurveyEntryDocument>(wxServerSdk().database(), 'surveyEntries').findEvery({}, { fields: { responses: 1 } })).reduce((sum, entry) => sum + entry.responses, 0);
    return [...requests, local, http, { name: 'surveys: answers stored after the run (tallies)', value: stored, unit: 'answers' }];
  } finally {
    cloud.close();
  }
}
