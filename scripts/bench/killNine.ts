/**
 * `npm run bench -- kill`: survey answers against `kill -9` of the real product (issue 10: "under 120
 * concurrent answers and kill -9, 0 answers lost in 5 runs, and nobody told 已计入 whose answer is not
 * counted"). Five kills at different points of a crowd of 120 on one data folder (tests/support/killNineRun.ts);
 * the test tier (tests/localcloud/killNine.test.ts) asserts one of them.
 */
import type { CycleOutcome } from '../../tests/support/killNineRun';
import { runKillNine } from '../../tests/support/killNineRun';
import { killAllProducts } from '../../tests/support/productProcess';
import type { Figure } from './stats';

const RESPONDENTS = 120;
const KILL_AFTER = [1, 30, 60, 90, 119];

/** Told "counted" yet not counted: forgotten by the restart, or missing from the final count. */
const lostIn = (cycle: CycleOutcome): number => Math.max(cycle.acknowledgedButForgotten, cycle.toldCounted - cycle.countedAtEnd, 0);
/** Counted more often than anyone was told, or keys and count apart. */
const duplicatesIn = (cycle: CycleOutcome): number => Math.max(cycle.countedAtEnd - cycle.toldCounted, 0) + Math.abs(cycle.keysAtEnd - cycle.countedAtEnd);
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

export async function killNineFigures(): Promise<Figure[]> {
  const started = Date.now();
  try {
    const { cycles } = await runKillNine({ respondents: RESPONDENTS, killAfter: KILL_AFTER, log: (line) => console.log(`    ${line}`) });
    const perRun = cycles.flatMap((cycle, index): Figure[] => [
      { name: `run ${index + 1} (kill ordered after ${cycle.killAfter} counted): requests in flight at the kill`, value: cycle.inFlightAtKill, unit: 'requests' },
      { name: `run ${index + 1}: answers lost (told 已计入, not counted)`, value: lostIn(cycle), unit: 'answers' },
    ]);
    return [
      ...perRun,
      { name: `runs losing an answer (of ${cycles.length})`, value: cycles.filter((cycle) => lostIn(cycle) > 0).length, unit: 'runs' },
      { name: 'answers lost in all runs', value: sum(cycles.map(lostIn)), unit: 'answers' },
      { name: 'answers counted twice in all runs', value: sum(cycles.map(duplicatesIn)), unit: 'answers' },
      { name: 're-sent submissions not ending 已计入 (e.g. 您已参加过本次评议)', value: sum(cycles.map((cycle) => sum(Object.values(cycle.finalRefusals)))), unit: 'answers' },
      { name: 'answers committed whose response the kill cut (counted after the restart, never acknowledged)', value: sum(cycles.map((cycle) => cycle.countedAfterRestart - cycle.acknowledged)), unit: 'answers' },
      { name: 'time for all runs (6 starts of the product)', value: Math.round((Date.now() - started) / 100) / 10, unit: 's' },
    ];
  } finally {
    await killAllProducts();
  }
}
