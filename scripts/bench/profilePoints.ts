/**
 * `npx tsx scripts/bench/profilePoints.ts [pairings] [calls]`: a CPU profile of the whole district's
 * points (points.table) at the bench's instant, the ledger already built (building it is not
 * profiled) and the instance warm (its chunks decoded). Prints the top functions by self time and the share of the cadence
 * calendar and the time code; writes the profile to bench-results/points-<pairings>.cpuprofile
 * (open it in Chrome DevTools or VS Code).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { wxServerSdk } from '../../localcloud/sdk';
import { syncPointsLedger } from '../../server/actions/points/ledgerJob';
import { projectRoot } from '../paths';
import { standAt } from './clock';
import { profile, summarise } from './cpuProfile';
import { openDistrict } from './points';
import { benchNow } from './shared/district';

const WATCHED = ['scopedPoints', 'computeFor', 'computeUnitPoints', 'cadenceCalendar', 'calendarEntry', 'cadenceStatus', 'chinaDateString', 'inChina', 'format', 'decodeDoc', 'ledgerRecords', 'recordsOfText', 'applyDelta'];

async function main(): Promise<void> {
  const pairings = Number(process.argv[2] ?? 1000);
  const calls = Number(process.argv[3] ?? 5);
  standAt(benchNow());
  // From the TypeScript source: the bundles are minified, and their functions' names with them.
  const district = await openDistrict(pairings, 'source');
  try {
    await syncPointsLedger({ db: district.db, cloud: wxServerSdk(), now: new Date() }); // the ledger job builds the ledger
    await district.call('points.table'); // warm
    const started = process.hrtime.bigint();
    const recorded = await profile(async () => {
      for (let index = 0; index < calls; index += 1) await district.call('points.table');
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const file = path.join(projectRoot, 'bench-results', `points-${pairings}.cpuprofile`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(recorded));
    const summary = summarise(recorded, WATCHED, 12);
    const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
    console.log(`points.table × ${calls} at ${pairings} pairings: ${Math.round(wallMs)} ms wall, ${Math.round(summary.totalMs)} ms sampled (${Math.round(summary.totalMs / calls)} ms a call)`);
    console.log('top by self time:');
    for (const entry of summary.top) console.log(`  ${pct(entry.share).padStart(6)}  ${Math.round(entry.ms / calls).toString().padStart(5)} ms/call  ${entry.name}`);
    console.log('inclusive (each sample once):');
    for (const [name, entry] of summary.inclusive) console.log(`  ${pct(entry.share).padStart(6)}  ${Math.round(entry.ms / calls).toString().padStart(5)} ms/call  ${name}`);
    console.log(`profile: ${path.relative(projectRoot, file)}`);
  } finally {
    district.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
