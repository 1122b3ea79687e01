import type { OrgRow, PairingRow, StreetRow, UnitRow, ImportCurrent } from './importTypes';
import type { RowValues } from './parseTable';

/** Lookups the dry run needs over the current data: streets by any of their names, entities by code and name, pairings. */
export interface Index {
  readonly streetById: Map<string, StreetRow>;
  readonly streetByKey: Map<string, StreetRow>;
  readonly streets: readonly StreetRow[];
  readonly units: EntityIndex<UnitRow>;
  readonly orgs: EntityIndex<OrgRow>;
  readonly pairingsOfUnit: (unitId: string) => readonly PairingRow[];
  readonly pairingsOfOrg: (orgId: string) => readonly PairingRow[];
  readonly activeByUnit: (year: number) => Map<string, PairingRow>;
  readonly activeByOrg: (year: number) => Map<string, PairingRow>;
}

export interface EntityIndex<T extends { _id: string; code: string; name: string }> {
  readonly byCode: Map<string, T>;
  readonly byName: Map<string, T[]>;
}

function entityIndex<T extends { _id: string; code: string; name: string }>(rows: readonly T[]): EntityIndex<T> {
  const byName = new Map<string, T[]>();
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  return { byCode: new Map(rows.map((row) => [row.code, row])), byName };
}

export function indexCurrent(current: ImportCurrent): Index {
  const streetByKey = new Map<string, StreetRow>();
  for (const street of current.streets) {
    for (const key of [street.name, street.code, street._id, street.name.replace(/街道$/, '')]) streetByKey.set(key, street);
  }
  const byUnit = groupBy(current.pairings, (pairing) => pairing.unitId);
  const byOrg = groupBy(current.pairings, (pairing) => pairing.orgId);
  const active = (key: 'unitId' | 'orgId') => {
    const cache = new Map<number, Map<string, PairingRow>>();
    return (year: number) => {
      let map = cache.get(year);
      if (!map) {
        map = new Map(current.pairings.filter((pairing) => pairing.year === year && pairing.endDate === null).map((pairing) => [pairing[key], pairing]));
        cache.set(year, map);
      }
      return map;
    };
  };
  return {
    streetById: new Map(current.streets.map((street) => [street._id, street])),
    streetByKey,
    streets: current.streets,
    units: entityIndex(current.units),
    orgs: entityIndex(current.orgs),
    pairingsOfUnit: (unitId) => byUnit.get(unitId) ?? [],
    pairingsOfOrg: (orgId) => byOrg.get(orgId) ?? [],
    activeByUnit: active('unitId'),
    activeByOrg: active('orgId'),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

export function resolveStreet(index: Index, text: string, column: 'unitStreet' | 'orgStreet', problem: (column: keyof RowValues, message: string) => void): string | undefined {
  const street = index.streetByKey.get(text.trim());
  if (street) return street._id;
  problem(column, `未知街道“${text}”，可填：${index.streets.map((known) => known.name).join('、')}`);
  return undefined;
}

/** By code first, else by exact name; a code and a name that point at two different entities is a problem. */
export function findEntity<T extends { _id: string; code: string; name: string }>(index: EntityIndex<T>, code: string | undefined, name: string | undefined): { found?: T; problem?: string } {
  const byCode = code !== undefined ? index.byCode.get(code) : undefined;
  const named = name !== undefined ? (index.byName.get(name) ?? []) : [];
  if (byCode) {
    const other = named.find((candidate) => candidate._id !== byCode._id);
    if (other && !named.some((candidate) => candidate._id === byCode._id)) return { problem: `编码“${code}”属于“${byCode.name}”，名称“${name}”却是另一个（编码“${other.code}”）：请核对` };
    return { found: byCode };
  }
  if (named.length > 1) return { problem: `系统中有 ${named.length} 个名为“${name}”的记录，请填写编码以区分` };
  return named[0] ? { found: named[0] } : {};
}

