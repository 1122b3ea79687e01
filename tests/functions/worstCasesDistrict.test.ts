/**
 * The worst cases of the two functions that read the whole district (server/deploy/functions.ts):
 * `points` and `bulletins`, measured on the bench's district (scripts/bench/shared/district.ts) at
 * 1,000 pairings with two closed evaluation rounds, standing at the bench's instant (5 January of the
 * next year: the year's quarters have ended, no ledger is built yet).
 *
 * Only the first quarter's records are seeded (11,000 of the year's 40,000), and that is still the
 * worst case, because what the requests depend on is the number of pairings and the quarter's
 * practice records, not the year's records:
 * - the points reads group the year's records by pairing (one aggregate page per 10,000 pairings),
 *   re-read what changed since the watermark in pages of 10,000 records (a few hundred wait at most),
 *   and the ledger is 16 chunks per year whatever the district's size;
 * - pairings, units and survey entries are read in pages (1,000 or 10,000 a request): the
 *   district's 1,000 pairings and 3,000 entries a round give the same pages with any records;
 * - the bulletin reads its quarter's practice records (not the monthly visits) in one aggregation
 *   (10,000 a request): the bench's first quarter has 5 a pairing (two joint activities, a festival
 *   visit, two other works: 5,000), as many as its second and more than its third and fourth (3 each).
 * Seeded with the whole year (lastMonth 12) the counts are the same; the test then takes some
 * 110 s on a loaded 2-core machine instead of about a third of it.
 *
 * The declarations count every database request of an invocation (parallel ones included), an upper
 * bound of the rounds in sequence; the round trips in sequence, what the office waits for, are
 * measured too (`dbRoundTrips`).
 */
import type { LocalCloud } from '../../localcloud';
import { wxServerSdk } from '../../localcloud/sdk';
import { BENCH_OFFICE, BENCH_YEAR, benchNow, DISTRICT_PAIRINGS, seedDistrict } from '../../scripts/bench/shared/district';
import { openLocalCloud } from '../../scripts/open-local-cloud';
import type { FunctionDeclaration } from '../../server/deploy/functions';
import { declarationOf } from '../../server/deploy/functions';
import { LEDGER_CHUNKS } from '../../server/services/points/ledgerChunks';
import type { ActionName } from '../../src/contract/actions';
import { functionOf } from '../../src/contract/actions';
import type { ActionResult } from '../../src/contract/result';
import { restoreClock, standAt } from '../support/clock';

jest.setTimeout(300_000);

type FunctionName = FunctionDeclaration['name'];
interface Measured {
  readonly dbRequests: number;
  readonly openapiCalls: number;
}

let local: LocalCloud;
/** The most each function's invocations cost in this file, and which invocation it was. */
const worst = new Map<FunctionName, Measured & { readonly what: string }>();

beforeAll(async () => {
  standAt(benchNow());
  local = openLocalCloud({ dataDir: null, functionsFrom: 'source' });
  await seedDistrict(wxServerSdk().database(), DISTRICT_PAIRINGS, { lastMonth: 3 });
});

afterAll(() => {
  local.close();
  restoreClock();
});

async function call<T>(action: ActionName, input: object, openid = BENCH_OFFICE): Promise<T> {
  const result = (await local.callAs(openid, functionOf(action), { action, input })) as ActionResult<T>;
  if (!result.ok) throw new Error(`${action}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** The points function's hourly timer (the points ledger job), invoked as WeChat's trigger does. */
async function runLedgerTimer(): Promise<Array<{ year: number; rebuilt: boolean; records: number }>> {
  const result = (await local.functions.invoke('points', { Type: 'Timer', TriggerName: 'pointsLedger', Time: new Date().toISOString() }, { ENV: 'local', SOURCE: 'timer' })) as ActionResult<Array<{ year: number; rebuilt: boolean; records: number }>>;
  if (!result.ok) throw new Error(`points timer: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** The latest invocation of the function: within its declaration and its timeout; noted as a candidate for the worst. */
function note(functionName: FunctionName, what: string): Measured & { readonly dbRoundTrips: number } {
  const account = local.functions.lastInvocation(functionName);
  if (!account) throw new Error(`no invocation of ${functionName} was recorded`);
  const declared = declarationOf(functionName).worstCase;
  expect(account.timedOut).toBe(false);
  expect(account.dbRequests).toBeLessThanOrEqual(declared.dbRounds);
  expect(account.openapiCalls).toBeLessThanOrEqual(declared.openapiRounds);
  const before = worst.get(functionName);
  if (!before || account.dbRequests > before.dbRequests) worst.set(functionName, { dbRequests: account.dbRequests, openapiCalls: Math.max(before?.openapiCalls ?? 0, account.openapiCalls), what });
  return account;
}

async function countOf(collection: string, where: object): Promise<number> {
  return ((await wxServerSdk().database().collection(collection).where(where).count()) as { total: number }).total;
}
const ledgerChunks = (year: number) => countOf('pointsLedger', { year });

interface TablePage {
  readonly page?: { readonly total: number };
}

describe(`points and bulletins over the whole district at ${DISTRICT_PAIRINGS} pairings, the first quarter's records`, () => {
  it('points.table before any ledger: the year read from the records themselves', async () => {
    expect(await ledgerChunks(BENCH_YEAR)).toBe(0);
    const table = await call<TablePage>('points.table', { year: BENCH_YEAR });
    expect(table.page?.total).toBe(DISTRICT_PAIRINGS);
    note('points', 'points.table, no ledger yet');
  });

  it('the points timer with no ledger to use: both years’ ledgers built from the records', async () => {
    const synced = await runLedgerTimer();
    expect(synced.map((year) => [year.year, year.rebuilt])).toEqual([
      [BENCH_YEAR + 1, true],
      [BENCH_YEAR, true],
    ]);
    expect(synced.find((year) => year.year === BENCH_YEAR)?.records).toBe(await countOf('records', { year: BENCH_YEAR }));
    expect(await ledgerChunks(BENCH_YEAR)).toBe(LEDGER_CHUNKS);
    note('points', 'the ledger timer, rebuilding');
  });

  it('points.table with the ledger current (the first call of the day after the rebuild, and every later one)', async () => {
    const table = await call<TablePage>('points.table', { year: BENCH_YEAR });
    expect(table.page?.total).toBe(DISTRICT_PAIRINGS);
    expect(note('points', 'points.table, ledger current').dbRoundTrips).toBe(3);
  });

  it('bulletins.generate for the first quarter (its 5,000 practice records in one request) with the ledger current', async () => {
    const _ = wxServerSdk().database().command;
    const practice = { year: BENCH_YEAR, state: 'confirmed', kind: _.in(['quarterlyActivity', 'openDay', 'otherWork', 'festivalVisit', 'annualSummary']), date: _.and(_.gte(`${BENCH_YEAR}-01-01`), _.lte(`${BENCH_YEAR}-03-31`)) };
    expect(await countOf('records', practice)).toBe(5 * DISTRICT_PAIRINGS);
    const { bulletin } = await call<{ bulletin: { id: string } }>('bulletins.generate', { year: BENCH_YEAR, quarter: 1 });
    expect(bulletin.id).toBe(`district-${BENCH_YEAR}-q1`);
    const account = note('bulletins', 'bulletins.generate Q1, ledger current');
    // The caller → the draft, the points' first round and the quarter's 5,000 records in one request → the points' second → the save.
    expect(account.dbRoundTrips).toBeLessThanOrEqual(4);
  });

  it('bulletins.generate for one street: five round trips, its records found from its pairings beside the points', async () => {
    const db = wxServerSdk().database();
    const streets = (await db.collection('streets').limit(1).get()) as unknown as { data: Array<{ _id: string; name: string }> };
    const street = streets.data[0]!;
    const streetId = street._id;
    const office = 'bench-street-office';
    await db.collection('people').add({ data: { _id: 'person-bench-street', openid: office, name: '街道办', grants: [{ role: 'streetOffice', scopeType: 'street', scopeId: streetId, scopeName: street.name, approved: true }], createdAt: new Date() } });
    const { bulletin } = await call<{ bulletin: { id: string } }>('bulletins.generate', { year: BENCH_YEAR, quarter: 1, streetId }, office);
    expect(bulletin.id).toBe(`${streetId}-${BENCH_YEAR}-q1`);
    expect(note('bulletins', 'bulletins.generate Q1 of a street').dbRoundTrips).toBeLessThanOrEqual(5);
  });

  it('a later run of the points timer: the ledgers brought up to date, every chunk’s watermark moved', async () => {
    const synced = await runLedgerTimer();
    expect(synced.map((year) => year.rebuilt)).toEqual([false, false]);
    note('points', 'the ledger timer, syncing');
  });

  it('each declaration is the worst that was measured, not a guess far above it', () => {
    expect([...worst.keys()].sort()).toEqual(['bulletins', 'points']);
    for (const [name, measured] of worst) {
      const declared = declarationOf(name).worstCase;
      expect({ name, basis: declared.basis, dbRounds: declared.dbRounds, openapiRounds: declared.openapiRounds }).toEqual({ name, basis: 'measured', dbRounds: measured.dbRequests, openapiRounds: measured.openapiCalls });
    }
  });
});
