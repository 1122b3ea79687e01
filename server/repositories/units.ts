import { Collection } from '../db/collection';
import type { UnitRecord } from '../db/adminDocuments';
import type { Tx } from '../db/transaction';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';
import type { DirectoryPage } from './adminDirectory';
import { directoryPage } from './adminDirectory';

/** Units (机关事业单位) as administration keeps them. */
export function unitsRepository(db: CloudDatabase) {
  const units = new Collection<UnitRecord>(db, 'units');
  const _ = db.command;
  return {
    byId: (unitId: string): Promise<UnitRecord | undefined> => units.byId(unitId),
    byIds: (unitIds: readonly string[]): Promise<UnitRecord[]> => (unitIds.length === 0 ? Promise.resolve([]) : units.find({ _id: _.in([...unitIds]) }, { limit: 100 })),
    /** Units already holding this code or this name (a few at most). */
    holdingCodeOrName: (code: string, name: string): Promise<UnitRecord[]> => units.find(_.or([{ code }, { name }]), { limit: 5 }),
    count: (where: object): Promise<number> => units.count(where),
    /** A page of the directory, by code; `search` matches name or code. */
    page: (where: object, options: DirectoryPage): Promise<{ rows: UnitRecord[]; total: number }> => directoryPage(units, where, ['name', 'code'], 'code', options),
    /** Every unit, as `R` (the import reads them with whatever else they carry), 1,000 a request. */
    every: <R = UnitRecord>(): Promise<R[]> => units.findEvery<R>({}, { orderBy: [['_id', 'asc']] }),
  };
}

/** Writes of a unit inside the transaction that also writes its audit entry. */
export function unitsInTx(tx: Tx) {
  return {
    /** Creates the unit, or replaces it with its new version. */
    save: async (unit: UnitRecord): Promise<void> => {
      await tx.collection('units').doc(unit._id).set({ data: withoutId(unit) });
    },
  };
}
