import { chinaInstant } from '../../src/domain/time/chinaTime';
import { declarationOf } from '../../server/deploy/functions';
import type { InvocationAccount } from '../../localcloud';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { generatedRow, report, xlsxOf } from './adminFixture';

jest.setTimeout(180_000);

/**
 * A 1,000-row import committed under the local cloud's latency model (30 ms a database request, on by
 * default) with the admin function's declared timeout enforced: a commit that sends its thousands of
 * requests in one call (4,508 before batching: 135 s modelled) is stopped by the timeout (-504003);
 * the stepped commit answers how far it got and each call stays inside the timeout.
 */
let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 10, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

it('commits 1,000 rows in calls that each fit the admin timeout under the latency model, with rows for the progress', async () => {
  expect(t.cloud.limits).toMatchObject({ timeouts: true, latency: { databaseMs: 30 } });
  const rows = Array.from({ length: 1000 }, (_, index) => generatedRow(index));
  const data = await report(t, 'demo-zhoutao', await xlsxOf(rows), '2026结对表.xlsx');
  expect(data).toMatchObject({ state: 'ready', totals: { changedRows: 1000 } });
  expect(data.chunkRows).toHaveLength(data.chunks);
  expect(data.chunkRows.reduce((sum, count) => sum + count, 0)).toBe(1000);

  const accounts: InvocationAccount[] = [];
  let state = 'ready';
  for (let call = 0; call < 50 && state !== 'committed'; call += 1) {
    // The function's own budget decides how much one call does (no maxChunks), the worst case for the timeout.
    const result = await t.call('demo-zhoutao', 'admin.importCommit', { importId: data.importId });
    accounts.push({ ...t.cloud.functions.lastInvocation('admin')! });
    if (!result.ok) throw new Error(result.error.message);
    state = result.data.state;
    expect(['committing', 'committed']).toContain(state);
  }
  const timeoutMs = declarationOf('admin').timeoutSeconds * 1000;
  if (process.env.GJ_PRINT_RUNS) console.log(accounts.map(({ dbRequests, modelledMs }) => ({ dbRequests, modelledMs })));
  expect(state).toBe('committed');
  for (const account of accounts) {
    expect(account.timedOut).toBe(false);
    expect(account.modelledMs).toBeLessThanOrEqual(timeoutMs);
  }
  expect(await t.count('pairings', { year: 2026 })).toBe(1000 + t.district.pairings.length);
});
