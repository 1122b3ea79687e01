import type { UnitPointsView } from '../../contract/points';
import { CalendarGrid } from '../CalendarGrid';
import { PendingLines, PointLines } from '../PointLines';
import { Section } from '../Section';

export interface PointsBreakdownProps {
  readonly view: Pick<UnitPointsView, 'calendar' | 'lines' | 'pending'>;
  readonly linesTitle?: string;
}

/** How a unit's points are made, for the unit and for the offices alike: the cadence calendar, every counted line, and what waits for confirmation. */
export function PointsBreakdown({ view, linesTitle = '积分明细（每一分的来源）' }: PointsBreakdownProps) {
  return (
    <>
      <Section id='calendar' title='年度节奏'>
        <CalendarGrid calendar={view.calendar} />
      </Section>
      <Section id='lines' title={linesTitle}>
        <PointLines lines={view.lines} />
      </Section>
      <Section id='pending' title='待确认（确认后计分）'>
        <PendingLines pending={view.pending} />
      </Section>
    </>
  );
}
