import { createHash, createHmac, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Choice } from '../../src/domain/surveys/form';
import { choiceIds, DEFAULT_FORM_ITEMS } from '../../src/domain/surveys/form';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import type { LocalCloud } from '../../localcloud';
import { wxServerSdk } from '../../localcloud/sdk';
import { openLocalCloud } from '../../scripts/open-local-cloud';
import type { DemoDistrict } from '../../scripts/seed/demoDistrict';
import { seedDemoDistrict } from '../../scripts/seed/seed';
import { moveTo, restoreClock, standAt } from '../support/clock';
import { SEEDED_ROUND } from './surveysFixture';

jest.setTimeout(180_000);

/**
 * The analyst: holds a copy of the whole data folder (database, WAL, local store, secret), the list
 * of people who answered and when they signed in, and tries every linkage between a respondent and
 * their answers. Six respondents answer one group, each differently, at different times.
 */
const RESPONDENTS = 6;
const start = chinaInstant(2026, 6, 20, 10);
const answerTime = (index: number) => new Date(start.getTime() + (index + 1) * 7 * 60_000);

let dir: string;
let copy: string;
let cloud: LocalCloud;
let district: DemoDistrict;
let entry: string;
let pairingId: string;
let roundBefore: string;
const truth: Array<{ openid: string; answers: Record<string, Choice>; comment: string }> = [];

async function call(openid: string | undefined, action: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: unknown }> {
  return (await cloud.callAs(openid, 'surveys', { action, input })) as never;
}

function answersOf(index: number): Record<string, Choice> {
  // the base-3 digits of a number distinct per respondent: everyone answers differently
  const pattern = index * 7 + 1;
  return Object.fromEntries(DEFAULT_FORM_ITEMS.map((item, itemIndex) => [item.id, choiceIds[Math.floor(pattern / 3 ** itemIndex) % 3]!]));
}

beforeAll(async () => {
  standAt(start);
  dir = mkdtempSync(path.join(os.tmpdir(), 'gj-analyst-'));
  copy = mkdtempSync(path.join(os.tmpdir(), 'gj-analyst-copy-'));
  cloud = openLocalCloud({ dataDir: dir, functionsFrom: 'source' });
  const seeded = await seedDemoDistrict(wxServerSdk().database(), new Date());
  if (!seeded) throw new Error('data folder not empty');
  district = seeded;
  pairingId = district.pairings[5]!._id;
  const links = (await call('demo-zhoutao', 'surveys.links', { roundId: SEEDED_ROUND, pairingId })) as { data: { groups: Array<{ group: string; entry: string }> } };
  entry = links.data.groups.find((group) => group.group === 'employees')!.entry;
  roundBefore = JSON.stringify(await wxServerSdk().database().collection('surveyRounds').doc(SEEDED_ROUND).get());

  for (let index = 0; index < RESPONDENTS; index += 1) {
    moveTo(answerTime(index));
    const openid = `analyst-respondent-${index + 1}`;
    // each signs in to the local cloud just before answering (the local store keeps when)
    cloud.store.sqlite.prepare('INSERT INTO sessions (token, openid, created_at) VALUES (?, ?, ?)').run(createHash('sha256').update(randomBytes(16)).digest('hex'), openid, Date.now());
    const answers = answersOf(index);
    const comment = `第${index + 1}位的意见`;
    const result = await call(openid, 'surveys.answer', { entry, formVersion: 1, answers, comment, submission: randomBytes(16).toString('base64url') });
    expect(result).toMatchObject({ ok: true });
    truth.push({ openid, answers, comment });
  }
  // the analyst copies the live folder
  cpSync(dir, copy, { recursive: true });
});

afterAll(() => {
  cloud.close();
  restoreClock();
  rmSync(dir, { recursive: true, force: true });
  rmSync(copy, { recursive: true, force: true });
});

function filesOf(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((dirent) => {
    const full = path.join(folder, dirent.name);
    return dirent.isDirectory() ? filesOf(full) : [full];
  });
}

/** Every version of the group's tally found anywhere in the folder's bytes, by its number of answers. */
function tallyVersionsInBytes(): Map<number, string[]> {
  const found = new Map<number, string[]>();
  const pattern = new RegExp(`\\{"_id":"${entry}"[^]{0,6000}?"responses":(\\d+)`, 'g');
  for (const file of filesOf(copy)) {
    const text = readFileSync(file).toString('latin1');
    for (const match of text.matchAll(pattern)) {
      const responses = Number(match[1]);
      found.set(responses, [...(found.get(responses) ?? []), path.relative(copy, file)]);
    }
  }
  return found;
}

function openCopy(): Database.Database {
  return new Database(path.join(copy, 'database.sqlite'), { readonly: true, fileMustExist: true });
}

describe('the analyst with a copy of the data folder, the secret and the respondents', () => {
  it('knows who answered (the once-only keys), which is all the keys tell', () => {
    const secret = readFileSync(path.join(copy, 'survey-secret'), 'utf8').trim();
    expect(secret).toBe(process.env.GJ_SURVEY_SECRET);
    const sqlite = openCopy();
    const ballots = sqlite.prepare('SELECT _id, data FROM c_surveyBallots').all() as Array<{ _id: string; data: string }>;
    const keyOf = (openid: string) => createHmac('sha256', secret).update(`once-only\n${SEEDED_ROUND}|${pairingId}|wx|${openid}`).digest('base64url');
    for (const respondent of truth) expect(ballots.some((ballot) => ballot._id === keyOf(respondent.openid))).toBe(true);
    // a key document holds its key, its round and pairing and a receipt: no answer, no group, no time
    for (const ballot of ballots) expect(Object.keys(JSON.parse(ballot.data)).sort()).toEqual(expect.arrayContaining(['_id', 'pairingId', 'roundId']));
    for (const ballot of ballots) expect(Object.keys(JSON.parse(ballot.data)).filter((field) => !['_id', 'pairingId', 'roundId', 'receipt'].includes(field))).toEqual([]);
    sqlite.close();
  });

  it('finds no intermediate tally anywhere in the folder (database, WAL, local store): only the final one', () => {
    const versions = tallyVersionsInBytes();
    expect([...versions.keys()]).toEqual([RESPONDENTS]);
    const wal = path.join(copy, 'database.sqlite-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  });

  it('finds no write order: no write counter on any row, survey rows in no arrival order', () => {
    const sqlite = openCopy();
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'").all() as Array<{ name: string }>).map((row) => row.name);
    expect(tables).toContain('c_surveyBallots');
    for (const table of tables) expect({ table, counted: (sqlite.prepare(`SELECT count(*) AS n FROM "${table}" WHERE seq <> 0`).get() as { n: number }).n }).toEqual({ table, counted: 0 });
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = '_meta'").get()).toBeUndefined();
    // rowids of the keys are random (a sequence would be arrival order)
    const rowids = (sqlite.prepare('SELECT rowid AS rowid FROM c_surveyBallots').all() as Array<{ rowid: number }>).map((row) => row.rowid);
    expect(rowids.length).toBeGreaterThanOrEqual(RESPONDENTS);
    for (const rowid of rowids) expect(rowid).toBeGreaterThan(2 ** 24);
    sqlite.close();
  });

  it('finds no time of answering in any survey document, nor in their ids, and the round untouched', async () => {
    const window = { from: answerTime(0).getTime() - 60_000, to: answerTime(RESPONDENTS - 1).getTime() + 60_000 };
    const sqlite = openCopy();
    for (const table of ['c_surveyBallots', 'c_surveyEntries', 'c_surveyRounds']) {
      const rows = sqlite.prepare(`SELECT _id, data FROM "${table}"`).all() as Array<{ _id: string; data: string }>;
      for (const row of rows) {
        const numbers = [...row.data.matchAll(/\d{12,14}/g)].map((match) => Number(match[0]));
        expect({ table, id: row._id, during: numbers.filter((n) => n >= window.from && n <= window.to) }).toEqual({ table, id: row._id, during: [] });
        const embedded = /^[0-9a-f]{32}$/.test(row._id) ? parseInt(row._id.slice(8, 16), 16) * 1000 : NaN;
        expect(embedded >= window.from && embedded <= window.to).toBe(false);
      }
    }
    sqlite.close();
    expect(JSON.stringify(await wxServerSdk().database().collection('surveyRounds').doc(SEEDED_ROUND).get())).toBe(roundBefore);
  });

  it('cannot single out any respondent’s answers, even knowing the order they signed in', () => {
    // The order is known for sure (the local store's sign-in times). A respondent's answers are
    // singled out when the tally is known just before and just after their answer.
    const local = new Database(path.join(copy, 'local.sqlite'), { readonly: true });
    const order = (local.prepare("SELECT openid FROM sessions WHERE openid LIKE 'analyst-%' ORDER BY created_at").all() as Array<{ openid: string }>).map((row) => row.openid);
    local.close();
    expect(order).toEqual(truth.map((respondent) => respondent.openid));
    const versions = new Set([0, ...tallyVersionsInBytes().keys()]);
    const singledOut = order.filter((_, rank) => versions.has(rank) && versions.has(rank + 1));
    expect(singledOut).toEqual([]);
    // and the answers differ, so the final tally alone gives nobody away
    expect(new Set(truth.map((respondent) => JSON.stringify(respondent.answers))).size).toBe(RESPONDENTS);
  });
});
