import { Collection } from '../db/collection';
import type { PairingDocument, StreetDocument, UnitDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** What the points need of a pairing: who, where, who arranged it, and when it ran. */
export type PairingLight = Pick<PairingDocument, '_id' | 'unitId' | 'orgId' | 'unitName' | 'orgName' | 'year' | 'streetId' | 'unitStreetId' | 'arrangedBy' | 'startDate' | 'endDate'>;
export type UnitLight = Pick<UnitDocument, '_id' | 'code' | 'name' | 'level' | 'streetId'>;

const pairingFields = { _id: 1, unitId: 1, orgId: 1, unitName: 1, orgName: 1, year: 1, streetId: 1, unitStreetId: 1, arrangedBy: 1, startDate: 1, endDate: 1 } as const;
const unitFields = { _id: 1, code: 1, name: 1, level: 1, streetId: 1 } as const;

/**
 * The district as the points read it: the year's pairings, the units and the streets, in bulk
 * (an aggregation answers 10,000 documents a request), never one request per pairing.
 */
export function pointsDistrictRepository(db: CloudDatabase) {
  const _ = db.command;
  const pairings = new Collection<PairingDocument>(db, 'pairings');
  const units = new Collection<UnitDocument>(db, 'units');
  const streets = new Collection<StreetDocument>(db, 'streets');
  return {
    /** Every pairing of the year. */
    pairingsOfYear(year: number): Promise<PairingLight[]> {
      return pairings.aggregateEvery<PairingLight>({ year }, pairingFields);
    },
    /** The year's pairings touching these streets (the org's street or the unit's): a street's view. */
    pairingsTouching(year: number, streetIds: readonly string[]): Promise<PairingLight[]> {
      return pairings.aggregateEvery<PairingLight>(_.or([{ year, streetId: _.in([...streetIds]) }, { year, unitStreetId: _.in([...streetIds]) }]), pairingFields);
    },
    /** These units' pairings of the year, light. */
    pairingsOfUnitsLight(unitIds: readonly string[], year: number): Promise<PairingLight[]> {
      return unitIds.length === 0 ? Promise.resolve([]) : pairings.aggregateEvery<PairingLight>({ unitId: _.in([...unitIds]), year }, pairingFields);
    },
    /** Every pairing of the year, with only the fields asked for. */
    pairingsOfYearWith<K extends keyof PairingLight>(year: number, fields: readonly K[]): Promise<Array<Pick<PairingLight, K>>> {
      return pairings.aggregateEvery<Pick<PairingLight, K>>({ year }, Object.fromEntries(fields.map((field) => [field, 1 as const])));
    },
    /** These units' pairings of the year (a few units: one request). */
    pairingsOfUnits(unitIds: readonly string[], year: number): Promise<PairingDocument[]> {
      return pairings.find({ unitId: _.in([...unitIds]), year }, { limit: 1000 });
    },
    pairing(pairingId: string): Promise<PairingDocument | undefined> {
      return pairings.byId(pairingId);
    },
    /** These units, or every unit. */
    units(unitIds?: readonly string[]): Promise<UnitLight[]> {
      return units.aggregateEvery<UnitLight>(unitIds ? { _id: _.in([...unitIds]) } : {}, unitFields);
    },
    /** A few units by id (one request). */
    unitsById(unitIds: readonly string[]): Promise<UnitLight[]> {
      return units.find<UnitLight>({ _id: _.in([...unitIds]) }, { fields: unitFields, limit: 1000 });
    },
    unit(unitId: string): Promise<UnitDocument | undefined> {
      return units.byId(unitId);
    },
    streets(): Promise<StreetDocument[]> {
      return streets.find({}, { limit: 1000 });
    },
    street(streetId: string): Promise<StreetDocument | undefined> {
      return streets.byId(streetId);
    },
  };
}
