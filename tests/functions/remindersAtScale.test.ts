import { wxServerSdk } from '../../localcloud/sdk';
import type { LocalCloud } from '../../localcloud';
import { openLocalCloud } from '../../scripts/open-local-cloud';
import { declarationOf } from '../../server/deploy/functions';
import { DB_REQUEST_WORST_MS, OPENAPI_CALL_WORST_MS } from '../../server/deploy/latency';
import { runReminders } from '../../server/jobs/reminders';
import type { ReminderRun } from '../../server/messaging/reminderJob';
import { runBudgetFor } from '../../server/messaging/runBudget';
import { NOT_ALLOWED } from '../../server/messaging/send';
import { chinaInstant } from '../../src/domain/time/chinaTime';

jest.setTimeout(120_000);

/**
 * The daily reminders at district scale: 1,000 pairings, three unit workers per unit and one leader
 * per org; at month end 900 units have not visited yet (2,700 visit reminders) and 100 records wait
 * for their leader (100 confirm reminders). Every 7th person has not allowed the template (43101).
 * A run must fit the reminders function's timeout under WeChat's worst latency, counted by requests:
 * database requests from the local database, openapi calls by a spy on the SDK.
 */
const PAIRINGS = 1000;
const YEAR = 2026;
const pad = (value: number) => String(value).padStart(4, '0');
const refuses = (openid: string) => Number(openid.replace(/\D/g, '')) % 7 === 0;

let local: LocalCloud;
let sends: jest.SpyInstance;
const attempted: string[] = [];

beforeAll(async () => {
  local = openLocalCloud({ dataDir: null, functionsFrom: 'none' });
  const db = wxServerSdk().database();
  const addAll = async (collection: string, documents: readonly object[]) => {
    for (let start = 0; start < documents.length; start += 1000) await db.collection(collection).add({ data: documents.slice(start, start + 1000) as never });
  };
  const pairings = Array.from({ length: PAIRINGS }, (_, index) => ({
    _id: `p-${pad(index)}`, unitId: `u-${pad(index)}`, orgId: `o-${pad(index)}`, unitName: `单位${index}`, orgName: `组织${index}`, year: YEAR, streetId: 's', unitStreetId: 's', arrangedBy: 'district', startDate: `${YEAR}-01-01`, endDate: null,
  }));
  await addAll('pairings', pairings);
  const people: object[] = [];
  pairings.forEach((pairing, index) => {
    for (let staff = 0; staff < 3; staff += 1) {
      const n = index * 4 + staff;
      people.push({ _id: `person-${n}`, openid: `openid-${n}`, name: `人员${n}`, grants: [{ role: 'unitStaff', scopeType: 'unit', scopeId: pairing.unitId, scopeName: pairing.unitName, approved: true }] });
    }
    const n = index * 4 + 3;
    people.push({ _id: `person-${n}`, openid: `openid-${n}`, name: `负责人${n}`, grants: [{ role: 'orgLeader', scopeType: 'org', scopeId: pairing.orgId, scopeName: pairing.orgName, approved: true }] });
  });
  await addAll('people', people);
  // Earlier months' confirmed visits (what a year of records looks like to the query), this month's for the first 100 pairings,
  // and a record of each of those waiting since the 20th.
  const records: object[] = [];
  pairings.forEach((pairing, index) => {
    for (let month = 1; month <= (index < 100 ? 11 : 10); month += 1) {
      records.push({ _id: `r-${pad(index)}-${month}`, pairingId: pairing._id, orgId: pairing.orgId, unitName: pairing.unitName, year: YEAR, kind: 'monthlyVisit', date: `${YEAR}-${String(month).padStart(2, '0')}-10`, state: index < 100 && month === 11 ? 'submitted' : 'confirmed', revision: 1, submittedAt: chinaInstant(YEAR, month, index < 100 && month === 11 ? 20 : 10, 12) });
    }
  });
  await addAll('records', records);
  sends = jest.spyOn(wxServerSdk().openapi.subscribeMessage, 'send');
});

afterAll(() => {
  sends.mockRestore();
  local.close();
});

/** One run as WeChat's timer would start it, at `now`, counted. */
async function run(now: Date): Promise<{ result: ReminderRun; db: number; fullScans: number; openapi: number; modelledMs: number }> {
  local.db.resetStats();
  const before = sends.mock.calls.length;
  const result = await runReminders({ db: wxServerSdk().database(), cloud: wxServerSdk(), now });
  const db = local.db.stats.requests;
  const openapi = sends.mock.calls.length - before;
  const { concurrency } = runBudgetFor(declarationOf('reminders').timeoutSeconds);
  // Database requests as if each were sequential (they are not all), sends in parallel waves.
  const modelledMs = db * DB_REQUEST_WORST_MS + Math.ceil(openapi / concurrency) * OPENAPI_CALL_WORST_MS;
  return { result, db, fullScans: local.db.stats.fullScans, openapi, modelledMs };
}

describe('the reminders timer at 1,000 pairings', () => {
  const runs: Array<Awaited<ReturnType<typeof run>>> = [];

  beforeAll(async () => {
    sends.mockImplementation(async (message: { touser: string }) => {
      attempted.push(message.touser);
      if (refuses(message.touser)) throw Object.assign(new Error('user refuse to accept the msg'), { errCode: NOT_ALLOWED });
      return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
    });
    // The trigger fires every 10 minutes from 9:00; runs stop once today's work is done.
    for (let minute = 0; minute < 60; minute += 10) runs.push(await run(chinaInstant(YEAR, 11, 27, 9, minute)));
    if (process.env.GJ_PRINT_RUNS) console.log(runs.map((counted) => ({ db: counted.db, openapi: counted.openapi, modelledMs: counted.modelledMs, ...counted.result })));
  });

  it('each run fits the function’s timeout under WeChat’s worst latency (requests counted, not timed)', () => {
    const timeoutMs = declarationOf('reminders').timeoutSeconds * 1000;
    for (const counted of runs) expect(counted.modelledMs).toBeLessThan(timeoutMs);
    // The first run does as much as its budget allows and leaves the rest.
    const budget = runBudgetFor(declarationOf('reminders').timeoutSeconds);
    expect(runs[0]!.result).toMatchObject({ due: 2800, waves: budget.maxWaves, done: false });
    expect(runs[0]!.openapi).toBe(budget.maxWaves * budget.concurrency);
  });

  it('continues across runs: every due reminder tried exactly once, then the runs stop after reading the progress', () => {
    const working = runs.filter((counted) => counted.openapi > 0);
    expect(working.length).toBeGreaterThan(1);
    expect(working[working.length - 1]!.result.done).toBe(true);
    expect(attempted).toHaveLength(2800);
    // 2,700 visit reminders to 2,700 different workers, 100 to the 100 leaders: nobody twice.
    expect(new Set(attempted).size).toBe(2800);
    const total = runs.reduce((sum, counted) => ({ sent: sum.sent + counted.result.sent, notAllowed: sum.notAllowed + counted.result.notAllowed }), { sent: 0, notAllowed: 0 });
    const refusing = attempted.filter(refuses).length;
    expect(total).toEqual({ sent: 2800 - refusing, notAllowed: refusing });
    for (const idle of runs.slice(working.length)) expect(idle).toMatchObject({ db: 1, openapi: 0, result: { done: true, due: 0 } });
  });

  it('reads records and pairings through indexes: the only full reads are the pages of people', () => {
    expect(runs[0]!.fullScans).toBeLessThanOrEqual(Math.ceil(4000 / 1000) + 1);
  });

  it('logs refusals once: the next day nothing is tried again, neither the sent nor the refused', async () => {
    const before = attempted.length;
    const next = await run(chinaInstant(YEAR, 11, 28, 9));
    expect(attempted.length - before).toBe(0);
    expect(next.result).toMatchObject({ due: 2800, sent: 0, notAllowed: 0, alreadySent: 2800, done: true });
    expect(next.modelledMs).toBeLessThan(declarationOf('reminders').timeoutSeconds * 1000);
  });
});
