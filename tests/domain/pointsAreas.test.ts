import { areaPointsShown, areaShares } from '../../src/domain/points/areas';
import { pointsByArea } from '../../src/domain/points/dashboard';
import { computeUnitPoints } from '../../src/domain/points/engine';
import type { PointsRecord } from '../../src/domain/points/inputs';
import { timelineFor } from '../../src/domain/points/versions';
import type { ContentArea } from '../../src/domain/records/catalog';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { record, ruleSet, visits, wholeYear } from './pointsFixtures';

const sum = (values: Partial<Record<ContentArea, number>>) => Math.round(Object.values(values).reduce((total, value) => total + (value ?? 0), 0) * 100) / 100;

function unitPoints(unitId: string, records: PointsRecord[]) {
  return computeUnitPoints({ year: 2026, unitId, pairings: [{ ...wholeYear, unitId }], records, tags: [], evaluations: [], timeline: timelineFor(2026, [ruleSet()], null), now: chinaInstant(2027, 1, 5) });
}

/** 25 points: ten visits of 2 and one joint activity of 5, each record concerning three content areas. */
const threeAreaYear = (): PointsRecord[] => [
  ...visits([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { contentAreas: ['partyMassBuilding', 'workSystems', 'talentCultivation'] }),
  record('quarterlyActivity', '2026-03-12', { contentAreas: ['careForMembers', 'activityVenues', 'activitySupport'] }),
];

describe('golden: per-content-area points are split exactly and rounded only for display', () => {
  it('a unit’s 25 points are 25 in its areas (rounding each share gave 25.02)', () => {
    const unit = unitPoints('unit-1', threeAreaYear());
    expect(unit.totals.earned).toBe(25);
    // 20 ÷ 3 = 6.666… three times, 5 ÷ 3 = 1.666… three times: 2496 whole hundredths, 4 left over for the largest remainders (ties in area order).
    expect(unit.totals.byArea).toEqual({ partyMassBuilding: 6.67, workSystems: 6.67, talentCultivation: 6.67, careForMembers: 1.67, activityVenues: 1.66, activitySupport: 1.66 });
    expect(sum(unit.totals.byArea)).toBe(25);
  });

  it('the dashboard adds the exact shares of all units and rounds once: its areas add up to the units’ points', () => {
    const units = [unitPoints('unit-1', threeAreaYear()), unitPoints('unit-2', threeAreaYear()), unitPoints('unit-3', visits([1, 2, 3], { contentAreas: ['partyMassBuilding', 'workSystems', 'talentCultivation', 'careForMembers', 'activityVenues', 'activitySupport', 'practicalProblems'] }))];
    const areas = pointsByArea(units);
    expect(areas).toHaveLength(9);
    const shown = Object.fromEntries(areas.map((area) => [area.area, area.points])) as Record<ContentArea, number>;
    expect(sum(shown)).toBe(56);
    // 40 ÷ 3 + 6 ÷ 7 = 14.190476…; 10 ÷ 3 + 6 ÷ 7 = 4.190476…; 6 ÷ 7 = 0.857142…
    expect(shown).toEqual({ partyMassBuilding: 14.19, workSystems: 14.19, talentCultivation: 14.19, careForMembers: 4.19, activityVenues: 4.19, activitySupport: 4.19, practicalProblems: 0.86, labourRelations: 0, workStyle: 0 });
  });

  it('gives the hundredths left over to the largest remainders, and counts a line for each area once', () => {
    // 1 point over 3 areas and 0.02 over 1: 33.333… + 2 = 35.333…, 33.333…, 33.333… hundredths → 100 + 2 = 102 in all.
    const shares = areaShares([
      { points: 1, contentAreas: ['workStyle', 'labourRelations', 'partyMassBuilding'] },
      { points: 0.02, contentAreas: ['labourRelations', 'labourRelations'] },
      { points: -2, contentAreas: ['workStyle'] },
      { points: 3, contentAreas: [] },
    ]);
    const shown = areaPointsShown(shares);
    expect(shown).toEqual({ partyMassBuilding: 0.34, labourRelations: 0.35, workStyle: 0.33 });
    expect(sum(shown)).toBe(1.02);
    expect(areaPointsShown(new Map())).toEqual({});
  });
});
