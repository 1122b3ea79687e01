import type { PendingLineView, PointLineView } from '../contract/points';
import { recordKinds } from '../domain/records/catalog';
import { evaluationRoundLabels, round2 } from '../domain/points/rules';

/** `+2`, `−2`, `0` (a real minus sign reads better on a phone). */
export function pointsText(value: number): string {
  const rounded = round2(value);
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${-rounded}`;
  return '0';
}

/** Where a line's points come from, in a few words. */
export function sourceText(line: Pick<PointLineView | PendingLineView, 'source' | 'title'>): string {
  switch (line.source.type) {
    case 'record':
      return line.title ?? `${recordKinds[line.source.kind]}（${line.source.date}）`;
    case 'period':
      return line.source.periodLabel;
    case 'evaluation':
      return evaluationRoundLabels[line.source.round];
  }
}
