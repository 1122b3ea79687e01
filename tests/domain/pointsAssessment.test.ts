import { commendationProblems, peopleForDisplay } from '../../src/domain/assessment/commendations';
import { unitRanks } from '../../src/domain/assessment/ranking';
import { streetCheckFigures, suggestedGrade } from '../../src/domain/assessment/streetCheck';
import type { UnitTotalRow } from '../../src/domain/assessment/totals';
import { neutralOrder, streetTotals } from '../../src/domain/assessment/totals';

const row = (unitId: string, unitCode: string, streetId: string, total: number, cadenceDone: number, cadenceRequired: number): UnitTotalRow => ({
  unitId,
  unitName: unitId,
  unitCode,
  streetId,
  orgNames: [],
  earned: total,
  deducted: 0,
  evaluation: 0,
  total,
  byRule: {},
  cadenceDone,
  cadenceRequired,
  pending: 0,
});
const rows = [row('u1', 'U003', 's1', 40, 10, 12), row('u2', 'U001', 's1', 60, 12, 12), row('u3', 'U002', 's2', 60, 6, 12)];

describe('the annual assessment', () => {
  it('adds up units into street totals', () => {
    expect(streetTotals(rows, [{ id: 's1', name: '龙城街道' }, { id: 's2', name: '布吉街道' }, { id: 's3', name: '坂田街道' }])).toEqual([
      { streetId: 's1', streetName: '龙城街道', units: 2, total: 100, average: 50, completionRate: 0.92 },
      { streetId: 's2', streetName: '布吉街道', units: 1, total: 60, average: 60, completionRate: 0.5 },
      { streetId: 's3', streetName: '坂田街道', units: 0, total: 0, average: null, completionRate: null },
    ]);
  });

  it('ranks units only for offices and only when the district turned rankings on', () => {
    expect(unitRanks(rows, { enabled: false, viewerIsOffice: true })).toBeNull();
    expect(unitRanks(rows, { enabled: true, viewerIsOffice: false })).toBeNull();
    expect([...unitRanks(rows, { enabled: true, viewerIsOffice: true })!]).toEqual([
      ['u2', 1],
      ['u3', 1],
      ['u1', 3],
    ]);
    expect(neutralOrder(rows).map((unit) => unit.unitCode)).toEqual(['U001', 'U002', 'U003']);
  });

  it('checks each street with figures and a suggested grade', () => {
    const totals = streetTotals(rows, [{ id: 's1', name: '龙城街道' }, { id: 's2', name: '布吉街道' }]);
    const figures = streetCheckFigures(totals, new Map([['s1', 3]]), new Map([['s1', 2]]), 3);
    expect(figures[0]).toMatchObject({ bulletinsPublished: 3, quartersEnded: 3, selfAssessmentsSubmitted: 2 });
    expect(suggestedGrade(figures[0]!)).toBe('excellent');
    expect(suggestedGrade(figures[1]!)).toBe('poor');
  });

  it('lists commended people by unit and as entered, never by points', () => {
    const people = [
      { name: '张三', unitId: 'u3', deeds: '推动建立工会' },
      { name: '李四', unitId: 'u1', deeds: '牵头调研报告' },
      { name: '王五', unitId: 'u3', deeds: '培养积极分子' },
    ];
    const order = new Map([['u1', 0], ['u3', 1]]);
    expect(peopleForDisplay(people, (unitId) => order.get(unitId) ?? 99).map((person) => person.name)).toEqual(['李四', '张三', '王五']);
    expect(commendationProblems({ units: [{ unitId: 'u9', reason: '' }], people: [people[0]!, people[0]!] }, new Set(['u1', 'u3']))).toEqual([
      { field: 'units.0.unitId', message: '表彰的单位不在本年度结对单位中' },
      { field: 'people.1.name', message: '张三重复列入表彰名单' },
    ]);
  });
});
