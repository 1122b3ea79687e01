/**
 * The weapp tier's journeys (tests/weapp) run on the built mini-program in the emulated logic layer,
 * with their per-page figures written out (GONGJIAN_WEAPP_FIGURES); here they are gathered per page:
 * the largest `setData`, the most nodes and the deepest tree, at demo scale and at 1,000 pairings.
 * Also written as a table to bench-results/weapp-pages.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../paths';
import type { Figure } from './stats';

/** What one journey's phone wrote (tests/weapp/support/phone.ts `saveFigures`). */
interface SavedFigures {
  readonly name: string;
  readonly pages: ReadonlyArray<{ route: string; largestSetDataBytes: number; maxSetDataPerSecond: number; maxElements: number; maxDepth: number }>;
}

export type Scale = 'demo' | '1,000 pairings';

export interface PageRow {
  readonly scale: Scale;
  readonly route: string;
  readonly largestSetDataBytes: number;
  readonly maxSetDataPerSecond: number;
  readonly maxElements: number;
  readonly maxDepth: number;
}

/** Journeys seeded with 1,000 pairings save their figures under a name that says so. */
export const scaleOf = (journey: string): Scale => (/1000-pairings/.test(journey) ? '1,000 pairings' : 'demo');

/** The worst of every visit to each page, per scale, in route order. */
export function pageRows(saved: readonly SavedFigures[]): PageRow[] {
  const rows = new Map<string, PageRow>();
  for (const journey of saved) {
    const scale = scaleOf(journey.name);
    for (const page of journey.pages) {
      const key = `${scale} ${page.route}`;
      const seen = rows.get(key);
      rows.set(key, {
        scale,
        route: page.route,
        largestSetDataBytes: Math.max(seen?.largestSetDataBytes ?? 0, page.largestSetDataBytes),
        maxSetDataPerSecond: Math.max(seen?.maxSetDataPerSecond ?? 0, page.maxSetDataPerSecond),
        maxElements: Math.max(seen?.maxElements ?? 0, page.maxElements),
        maxDepth: Math.max(seen?.maxDepth ?? 0, page.maxDepth),
      });
    }
  }
  return [...rows.values()].sort((a, b) => a.scale.localeCompare(b.scale) || a.route.localeCompare(b.route));
}

export function pageFigures(rows: readonly PageRow[]): Figure[] {
  return rows.flatMap((row) => [
    { name: `largest setData ${row.route} (${row.scale})`, value: row.largestSetDataBytes, unit: 'bytes' },
    { name: `most nodes ${row.route} (${row.scale})`, value: row.maxElements, unit: 'elements' },
  ]);
}

/** Runs the weapp tier (it builds dist/weapp first when stale) and answers the per-page figures. */
export function weappPageFigures(): Figure[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongjian-weapp-figures-'));
  try {
    const run = spawnSync('npx', ['jest', '--selectProjects', 'weapp', '--runInBand', '--silent'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, GONGJIAN_WEAPP_FIGURES: dir },
    });
    const saved = readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as SavedFigures);
    if (saved.length === 0) throw new Error(`the weapp tier wrote no figures (jest exited ${run.status ?? run.signal})`);
    // Figures, never pass/fail: a failing journey still reports the pages it reached, and says so.
    if (run.status !== 0) console.warn(`  (the weapp tier failed: jest exited ${run.status ?? run.signal}; figures of the journeys that saved them)`);
    const rows = pageRows(saved);
    const file = path.join(projectRoot, 'bench-results', 'weapp-pages.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), journeys: saved.map((journey) => journey.name).sort(), pages: rows }, null, 2)}\n`);
    const deepest = Math.max(...rows.map((row) => row.maxDepth));
    return [...pageFigures(rows), { name: 'deepest node of any page (Taro renders below baseLevel with the comp component)', value: deepest, unit: 'levels' }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
