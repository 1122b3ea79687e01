import { chinaInstant } from '../../src/domain/time/chinaTime';
import { declarationOf } from '../../server/deploy/functions';
import { DB_REQUEST_WORST_MS } from '../../server/deploy/latency';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { generatedRow, report, xlsxOf } from './adminFixture';

jest.setTimeout(180_000);

/**
 * A 1,000-row pairing table committed as the import page does it (one call after another until
 * committed), counted by the local database: the commit used to send 4,508 requests one after
 * another (90–360 s at WeChat's 20–80 ms). Each call must fit the admin function's timeout even if
 * every request it makes were sequential at 80 ms.
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

it('commits 1,000 new pairings within the admin function’s limits, in batched requests, with progress', async () => {
  const rows = Array.from({ length: 1000 }, (_, index) => generatedRow(index));
  const data = await report(t, 'demo-zhoutao', await xlsxOf(rows), '2026结对表.xlsx');
  expect(data).toMatchObject({ state: 'ready', totals: { pairingsCreated: 1000 } });

  const calls: Array<{ requests: number; applied: number; state: string }> = [];
  for (let call = 0; call < 20; call += 1) {
    t.cloud.db.resetStats();
    const result = await t.call('demo-zhoutao', 'admin.importCommit', { importId: data.importId });
    if (!result.ok) throw new Error(result.error.message);
    calls.push({ requests: t.cloud.db.stats.requests, applied: result.data.applied, state: result.data.state });
    if (result.data.state !== 'committing') break;
  }
  if (process.env.GJ_PRINT_RUNS) console.log(calls);
  expect(calls.at(-1)).toMatchObject({ state: 'committed', applied: data.chunks });
  const timeoutMs = declarationOf('admin').timeoutSeconds * 1000;
  for (const call of calls) expect(call.requests * DB_REQUEST_WORST_MS).toBeLessThan(timeoutMs);
  const total = calls.reduce((sum, call) => sum + call.requests, 0);
  expect(total).toBeLessThan(1000);
  expect(await t.count('pairings', { year: 2026 })).toBe(1000 + t.district.pairings.length);
  expect(await t.count('auditTrail', { action: 'import.row' })).toBe(1000);
});
