import { Collection } from '../db/collection';
import type { PairingDocument } from '../db/documents';
import type { Tx } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';
import type { DirectoryPage } from './adminDirectory';
import { directoryPage } from './adminDirectory';

/** Pairings (结对) as administration and work plans read them. */
export function pairingsRepository(db: CloudDatabase) {
  const pairings = new Collection<PairingDocument>(db, 'pairings');
  const _ = db.command;
  return {
    byId: (pairingId: string): Promise<PairingDocument | undefined> => pairings.byId(pairingId),
    /** Every pairing of a unit (or an org), over the years. */
    ofUnit: (unitId: string): Promise<PairingDocument[]> => pairings.findEvery({ unitId }),
    ofOrg: (orgId: string): Promise<PairingDocument[]> => pairings.findEvery({ orgId }),
    /** The year's running pairings of this unit or of this org. */
    runningOf: (year: number, unitId: string, orgId: string): Promise<PairingDocument[]> =>
      pairings.find(_.and([{ year, endDate: null }, _.or([{ unitId }, { orgId }])]), { limit: 10 }),
    count: (where: object): Promise<number> => pairings.count(where),
    /** A page of the directory, by unit name; `search` matches the unit's or the org's name; `touching`: only pairings with a side in this street. */
    page: (where: object, options: DirectoryPage & { readonly touching?: string }): Promise<{ rows: PairingDocument[]; total: number }> =>
      directoryPage(pairings, options.touching ? _.and([where, _.or([{ streetId: options.touching }, { unitStreetId: options.touching }])]) : where, ['unitName', 'orgName'], 'unitName', options),
    /** Every pairing, as `R` (the import reads them with whatever else they carry), 1,000 a request. */
    every: <R = PairingDocument>(): Promise<R[]> => pairings.findEvery<R>({}, { orderBy: [['_id', 'asc']] }),
    /** The unit side of the year's pairings (who owes a work plan). */
    unitsPairedIn: (year: number): Promise<Array<Pick<PairingDocument, '_id' | 'unitId' | 'unitName' | 'unitStreetId'>>> =>
      pairings.findEvery({ year }, { orderBy: [['_id', 'asc']], fields: { _id: 1, unitId: 1, unitName: 1, unitStreetId: 1 } }),
  };
}

/** Writes of pairings inside the transaction that also writes the audit entry. */
export function pairingsInTx(tx: Tx) {
  const pairings = () => tx.collection('pairings');
  return {
    add: async (pairing: PairingDocument): Promise<void> => {
      await pairings().add({ data: pairing });
    },
    end: async (pairingId: string, endDate: string): Promise<void> => {
      await pairings().doc(pairingId).update({ data: { endDate } });
    },
    /** The unit's name and street, copied into its pairing after a rename or a move. */
    copyUnit: async (pairingId: string, unit: { readonly unitName: string; readonly unitStreetId: string }): Promise<void> => {
      await pairings().doc(pairingId).update({ data: { unitName: unit.unitName, unitStreetId: unit.unitStreetId } });
    },
    /** The org's name and street, copied into its pairing. */
    copyOrg: async (pairingId: string, org: { readonly orgName: string; readonly streetId: string }): Promise<void> => {
      await pairings().doc(pairingId).update({ data: { orgName: org.orgName, streetId: org.streetId } });
    },
  };
}
