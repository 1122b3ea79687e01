import { Collection } from '../db/collection';
import type { OrgRecord } from '../db/adminDocuments';
import type { Tx } from '../db/transaction';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';
import type { DirectoryPage } from './adminDirectory';
import { directoryPage } from './adminDirectory';

/** “两新” organisations (orgs) as administration keeps them. */
export function orgsRepository(db: CloudDatabase) {
  const orgs = new Collection<OrgRecord>(db, 'orgs');
  const _ = db.command;
  return {
    byId: (orgId: string): Promise<OrgRecord | undefined> => orgs.byId(orgId),
    byIds: (orgIds: readonly string[]): Promise<OrgRecord[]> => (orgIds.length === 0 ? Promise.resolve([]) : orgs.find({ _id: _.in([...orgIds]) }, { limit: 100 })),
    /** Orgs already holding this code or this name (a few at most). */
    holdingCodeOrName: (code: string, name: string): Promise<OrgRecord[]> => orgs.find(_.or([{ code }, { name }]), { limit: 5 }),
    count: (where: object): Promise<number> => orgs.count(where),
    /** A page of the directory, by code; `search` matches name or code. */
    page: (where: object, options: DirectoryPage): Promise<{ rows: OrgRecord[]; total: number }> => directoryPage(orgs, where, ['name', 'code'], 'code', options),
    /** Every org, as `R` (the import reads them with whatever else they carry), 1,000 a request. */
    every: <R = OrgRecord>(): Promise<R[]> => orgs.findEvery<R>({}, { orderBy: [['_id', 'asc']] }),
  };
}

/** Writes of an org inside the transaction that also writes its audit entry. */
export function orgsInTx(tx: Tx) {
  return {
    /** Creates the org, or replaces it with its new version. */
    save: async (org: OrgRecord): Promise<void> => {
      await tx.collection('orgs').doc(org._id).set({ data: withoutId(org) });
    },
  };
}
