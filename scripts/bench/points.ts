/**
 * Points at district scale on the local cloud, with the functions as built for deployment: 1,000
 * pairings, a year of records (40,000 at year end: ~350 still waiting for confirmation or disputed)
 * and two closed evaluation rounds. Figures: the whole district's points (`points.table`) as a median and
 * its database requests, and its first call on an instance holding no chunk decoded; the ledger job's
 * hourly run (its oldest chunk rebuilt from the records) and the ledger built from nothing; the same computed pairing by pairing (one set of queries per pairing) and
 * the ratio; and the export of the 1,000 units' points table (`points.exportTable`). Then the growth
 * table: the same district at 100, 300, 1,000 and 3,000 pairings (the same figures), each size in a process of its own (child.ts).
 * The process stands at the bench's instant, 5 January of the next year (clock.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { functionOf } from '../../src/contract/actions';
import type { ActionResult } from '../../src/contract/result';
import { computeUnitPoints } from '../../src/domain/points/engine';
import { timelineFor } from '../../src/domain/points/versions';
import { wxServerSdk } from '../../localcloud/sdk';
import type { PairingDocument, RecordDocument } from '../../server/db/documents';
import { Collection } from '../../server/db/collection';
import { toPointsRecord } from '../../server/repositories/pointsRecords';
import { loadYearConfig } from '../../server/services/points/yearConfig';
import { readEvaluationResults } from '../../server/services/points/evaluationSource';
import { syncPointsLedger } from '../../server/actions/points/ledgerJob';
import type { CloudDatabase } from '../../server/runtime/cloud';
import { buildCloudFunctions } from '../build-cloud';
import { openLocalCloud } from '../open-local-cloud';
import { inChild } from './inChild';
import { atInstant } from './clock';
import { median, timeEach } from './stats';
import type { Figure } from './stats';
import { BENCH_OFFICE as OFFICE, BENCH_YEAR as YEAR, benchNow, DISTRICT_PAIRINGS as PAIRINGS, seedDistrict } from './shared/district';

/** The slow way: every pairing's records, tags and evaluation read on their own, then computed one by one. */
async function pairingByPairing(db: CloudDatabase, now: Date): Promise<number> {
  const config = await loadYearConfig(db, YEAR);
  const pairings = await new Collection<PairingDocument>(db, 'pairings').findEvery({ year: YEAR });
  const timeline = timelineFor(YEAR, config.ruleSets, null);
  let total = 0;
  for (const pairing of pairings) {
    const [records, tags, evaluations] = await Promise.all([
      new Collection<RecordDocument>(db, 'records').findEvery({ pairingId: pairing._id, state: db.command.neq('draft') }, { fields: { _id: 1, pairingId: 1, kind: 1, date: 1, state: 1, contentAreas: 1, createdAt: 1, paper: 1 } }),
      new Collection<{ _id: string; recordId: string; achievement: string }>(db, 'achievementTags').find({ unitId: pairing.unitId, year: YEAR }, { limit: 100 }),
      readEvaluationResults(db, { year: YEAR, unitIds: [pairing.unitId], unitOfPairing: new Map([[pairing._id, pairing.unitId]]), caches: config.evaluationCaches }, now),
    ]);
    const points = computeUnitPoints({
      year: YEAR,
      unitId: pairing.unitId,
      pairings: [{ id: pairing._id, unitId: pairing.unitId, orgName: pairing.orgName, startDate: pairing.startDate, endDate: pairing.endDate }],
      records: records.map((row) => toPointsRecord({ ...row, id: row._id })),
      tags,
      evaluations,
      timeline,
      now,
    });
    total += points.totals.total;
  }
  return total;
}

/** The growth table's sizes (pairings); BENCH_POINTS_SCALES="100,1000" narrows it while iterating. */
export function pointsScales(): number[] {
  const chosen = process.env.BENCH_POINTS_SCALES?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return chosen && chosen.length > 0 ? chosen : [100, 300, PAIRINGS, 3000];
}

type PointsAction = 'points.table' | 'points.exportTable';

/**
 * A fresh local cloud with the built functions and a seeded district of `pairings`. Its database is a
 * file in a temporary folder (as `npm start` keeps it), not in memory: at 3,000 pairings the records
 * alone would hold some 600 MB of the process's memory.
 */
export async function openDistrict(pairings: number, functionsFrom: 'build' | 'source' = 'build') {
  const now = benchNow();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongjian-bench-points-'));
  const cloud = openLocalCloud({ dataDir, functionsFrom, now: () => new Date() });
  const close = () => {
    cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const db = wxServerSdk().database();
    const seeded = process.hrtime.bigint();
    await seedDistrict(db, pairings);
    const seedMs = Number(process.hrtime.bigint() - seeded) / 1e6;
    const call = async (action: PointsAction) => {
      const result = (await cloud.callAs(OFFICE, functionOf(action), { action, input: { year: YEAR } })) as ActionResult<{ rows: unknown; page?: { total: number } }>;
      if (!result.ok) throw new Error(`${action}: ${result.error.code} ${result.error.message}`);
      return result.data;
    };
    return { cloud, db, now, seedMs, call, close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * One size of the district, the process standing at the bench's instant (see clock.ts): the first
 * computation of the day, then the whole district's points (median of 5) and its database requests;
 * at 1,000 pairings also the pairing-by-pairing comparison and the export. Runs in its own process
 * (child.ts).
 */
export async function pointsAtPairings(pairings: number): Promise<Figure[]> {
  return atInstant(benchNow(), async () => {
    const district = await openDistrict(pairings);
    try {
      const { cloud, db, now, call } = district;
      // Before any ledger: the district's points read straight from the records (reads never write).
      const coldAt = process.hrtime.bigint();
      await call('points.table');
      const coldMs = Number(process.hrtime.bigint() - coldAt) / 1e6;
      // The ledger built from nothing (the points function's timer, when there is no ledger to use: once a year, or after deploying).
      const rebuiltAt = process.hrtime.bigint();
      await syncPointsLedger({ db, cloud: wxServerSdk(), now: new Date() });
      const rebuildMs = Number(process.hrtime.bigint() - rebuiltAt) / 1e6;
      // The functions ran at the bench's instant: the ledger they built says when.
      const chunk = (await db.collection('pointsLedger').where({ year: YEAR }).limit(1).get()) as unknown as { data: Array<{ builtAt: number }> };
      const builtAt = chunk.data[0]?.builtAt ?? 0;
      if (Math.abs(builtAt - now.getTime()) > 30 * 60_000) throw new Error(`the functions ran at ${new Date(builtAt).toISOString()}, not at the bench's ${now.toISOString()}`);
      // The first call on an instance that holds no chunk decoded: it reads their texts.
      cloud.db.resetStats();
      const coldCallAt = process.hrtime.bigint();
      const table = await call('points.table');
      const coldCallMs = Number(process.hrtime.bigint() - coldCallAt) / 1e6;
      const coldRequests = cloud.db.stats.requests;
      // The table answers a page of its units; `page.total` counts them all.
      const rows = table.page?.total ?? (Array.isArray(table.rows) ? table.rows.length : 0);
      if (rows !== pairings) throw new Error(`points.table answered ${rows} units for ${pairings} pairings`);
      cloud.db.resetStats();
      await call('points.table');
      const requests = cloud.db.stats.requests;
      const bulk = median(await timeEach(5, () => call('points.table')));
      // At 1,000 pairings also the pairing-by-pairing comparison and the export (before the job's runs move the watermark past the bench's clock).
      const full = pairings === PAIRINGS ? await (async () => {
        const naiveTimes = await timeEach(2, () => pairingByPairing(db, now));
        cloud.db.resetStats();
        await pairingByPairing(db, now);
        return { naiveRequests: cloud.db.stats.requests, naive: median(naiveTimes), exportMs: median(await timeEach(3, () => call('points.exportTable'))) };
      })() : undefined;
      // The ledger job's next hourly run: the changes folded in, its oldest chunk rebuilt from the records, every watermark moved (median of 3 runs, an hour apart).
      let hour = 0;
      const hourlyMs = median(await timeEach(3, () => syncPointsLedger({ db, cloud: wxServerSdk(), now: new Date(Date.now() + (hour += 1) * 3_600_000) })));
      const figures: Figure[] = [
        { name: `points growth: whole district's points at ${pairings} pairings`, value: Math.round(bulk), unit: 'ms (median of 5)' },
        { name: `points growth: first call on a new instance at ${pairings} pairings`, value: Math.round(coldCallMs), unit: 'ms' },
        { name: `points growth: the ledger job's hourly run at ${pairings} pairings`, value: Math.round(hourlyMs), unit: 'ms (median of 3)' },
        { name: `points growth: the ledger built from nothing at ${pairings} pairings`, value: Math.round(rebuildMs), unit: 'ms' },
        { name: `points growth: district's points before any ledger at ${pairings} pairings`, value: Math.round(coldMs), unit: 'ms' },
        { name: `points growth: database requests at ${pairings} pairings`, value: requests, unit: 'requests' },
        { name: `points growth: database requests of the first call on a new instance at ${pairings} pairings`, value: coldRequests, unit: 'requests' },
      ];
      if (full) {
        const { naive, naiveRequests, exportMs } = full;
        figures.unshift(
          { name: `points: seed ${PAIRINGS} pairings, ${PAIRINGS * 40} records, 2 evaluation rounds`, value: Math.round(district.seedMs), unit: 'ms' },
          { name: "points: the ledger job's hourly run (changes folded in, its oldest chunk rebuilt from the records: the day's first run too)", value: Math.round(hourlyMs), unit: 'ms (median of 3)' },
          { name: 'points: the ledger built from nothing (40,000 records: once a year, or after deploying)', value: Math.round(rebuildMs), unit: 'ms' },
          { name: 'points: whole district before any ledger (read from the records)', value: Math.round(coldMs), unit: 'ms' },
          { name: `points: whole district's points (points.table, ${rows} units)`, value: Math.round(bulk), unit: 'ms (median of 5)' },
          { name: 'points: whole district, first call on a new instance (reads the chunks\' texts)', value: Math.round(coldCallMs), unit: 'ms' },
          { name: 'points: database requests for the whole district (points.table)', value: requests, unit: 'requests' },
          { name: 'points: database requests, first call on a new instance', value: coldRequests, unit: 'requests' },
          { name: 'points: recomputed pairing by pairing', value: Math.round(naive), unit: 'ms (median of 2)' },
          { name: 'points: database requests pairing by pairing', value: naiveRequests, unit: 'requests' },
          { name: 'points: pairing by pairing ÷ bulk', value: Math.round((naive / bulk) * 10) / 10, unit: '×' },
          { name: `points: export of ${rows} units' points table (points.exportTable)`, value: Math.round(exportMs), unit: 'ms (median of 3)' },
        );
      }
      figures.push({ name: `points growth: peak memory of the process at ${pairings} pairings`, value: Math.round(process.resourceUsage().maxRSS / 1024), unit: 'MB' });
      return figures;
    } finally {
      district.close();
    }
  });
}

/** Heap limit of each district's process: with the database on file, 3,000 pairings peak under 800 MB. */
const CHILD_HEAP_MB = 640;

/**
 * The points figures: 1,000 pairings in full and the growth table (100, 300, 1,000, 3,000 pairings),
 * each size in a process of its own. Prints the growth table as Markdown for the README.
 */
export async function pointsAtScale(): Promise<Figure[]> {
  // The functions as deployed (esbuild bundles), not the TypeScript source.
  await buildCloudFunctions({ quiet: true });
  const figures: Figure[] = [];
  for (const pairings of pointsScales()) {
    figures.push(...(await inChild('points-scale', [String(pairings)], { heapMb: CHILD_HEAP_MB, timeoutMs: 30 * 60_000 })));
  }
  const value = (prefix: string, pairings: number) => figures.find((figure) => figure.name.startsWith(`${prefix} at ${pairings} pairings`))?.value;
  console.log('\n| 结对 | 记录 | 全区积分（中位数） | 新实例第一次 | 每小时台账任务 | 从无到有建台账 | 尚无台账时 | 数据库请求 |\n| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const pairings of pointsScales()) {
    const cell = (prefix: string) => value(prefix, pairings);
    console.log(
      `| ${pairings.toLocaleString('en')} | ${(pairings * 40).toLocaleString('en')} | ${cell("points growth: whole district's points")} ms | ${cell('points growth: first call on a new instance')} ms | ${cell("points growth: the ledger job's hourly run")} ms | ${cell('points growth: the ledger built from nothing')} ms | ${cell("points growth: district's points before any ledger")} ms | ${cell('points growth: database requests')}（新实例 ${cell('points growth: database requests of the first call on a new instance')}） |`,
    );
  }
  const main = figures.filter((figure) => !figure.name.startsWith('points growth:'));
  const growth = figures.filter((figure) => figure.name.startsWith('points growth:'));
  return [...main, ...growth];
}
