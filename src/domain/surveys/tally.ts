import type { Choice, SurveyForm } from './form';
import { choiceIds } from './form';

/**
 * Answers are never stored one by one: each group of each pairing has one tally (how many chose
 * 满意 / 基本满意 / 不满意 for every item, and how many answered). A tally has no order and no time,
 * so nothing about it can be lined up with the once-only keys kept elsewhere.
 */
export type ItemCounts = Readonly<Record<Choice, number>>;
export type TallyCounts = Readonly<Record<string, ItemCounts>>;

export function emptyCounts(form: SurveyForm): Record<string, Record<Choice, number>> {
  return Object.fromEntries(form.items.map((item) => [item.id, { satisfied: 0, basic: 0, dissatisfied: 0 }]));
}

/** The field paths one answer increments by one (`counts.<item>.<choice>`), for an atomic update. */
export function tallyIncrements(choices: Readonly<Record<string, Choice>>): string[] {
  return Object.entries(choices).map(([itemId, choice]) => `counts.${itemId}.${choice}`);
}

/** Counts of one item, zero when nobody chose it. */
export function itemCountsOf(counts: TallyCounts | undefined, itemId: string): ItemCounts {
  const found = counts?.[itemId];
  return Object.fromEntries(choiceIds.map((choice) => [choice, found?.[choice] ?? 0])) as Record<Choice, number>;
}

/** Adds tallies of several groups (e.g. every group of a round for the district overview). */
export function addCounts(form: SurveyForm, tallies: readonly (TallyCounts | undefined)[]): Record<string, Record<Choice, number>> {
  const sum = emptyCounts(form);
  for (const tally of tallies) {
    for (const item of form.items) {
      const counts = itemCountsOf(tally, item.id);
      for (const choice of choiceIds) sum[item.id]![choice] += counts[choice];
    }
  }
  return sum;
}
