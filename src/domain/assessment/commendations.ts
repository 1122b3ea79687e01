/**
 * The commendation list (表彰, notice 四(四)): advanced units and advanced people, chosen by the
 * district office. People are listed by unit and in the order entered — never with points, never
 * ranked (国办函〔2026〕12号).
 */
export interface CommendedUnit {
  readonly unitId: string;
  readonly reason: string;
}

export interface CommendedPerson {
  readonly name: string;
  readonly unitId: string;
  readonly deeds: string;
}

export interface CommendationList {
  readonly units: readonly CommendedUnit[];
  readonly people: readonly CommendedPerson[];
}

export function commendationProblems(list: CommendationList, knownUnitIds: ReadonlySet<string>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const seenUnits = new Set<string>();
  list.units.forEach((unit, index) => {
    if (!knownUnitIds.has(unit.unitId)) problems.push({ field: `units.${index}.unitId`, message: '表彰的单位不在本年度结对单位中' });
    if (seenUnits.has(unit.unitId)) problems.push({ field: `units.${index}.unitId`, message: '同一单位重复列入表彰名单' });
    seenUnits.add(unit.unitId);
  });
  const seenPeople = new Set<string>();
  list.people.forEach((person, index) => {
    if (!knownUnitIds.has(person.unitId)) problems.push({ field: `people.${index}.unitId`, message: `${person.name}所在的单位不在本年度结对单位中` });
    const key = `${person.unitId}|${person.name}`;
    if (seenPeople.has(key)) problems.push({ field: `people.${index}.name`, message: `${person.name}重复列入表彰名单` });
    seenPeople.add(key);
  });
  return problems;
}

/** People grouped by their unit's order, then as entered: a list, not a ranking. */
export function peopleForDisplay<T extends CommendedPerson>(people: readonly T[], unitOrder: (unitId: string) => number): T[] {
  return people.map((person, index) => ({ person, index })).sort((a, b) => unitOrder(a.person.unitId) - unitOrder(b.person.unitId) || a.index - b.index).map(({ person }) => person);
}
