import type { Role } from '../../src/contract/people';
import { Collection } from '../db/collection';
import type { PersonDocument } from '../db/documents';
import type { Tx } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';
import type { Grant } from '../runtime/context';
import { containing } from './adminTextSearch';

/** People as administration and work plans read them: by name, by the scope of their grants. */
export function adminPeopleRepository(db: CloudDatabase) {
  const people = new Collection<PersonDocument>(db, 'people');
  const _ = db.command;
  return {
    byId: (personId: string): Promise<PersonDocument | undefined> => people.byId(personId),
    /** Anyone whose name contains `search` (everyone without), by name, at most 50. */
    named: (search: string | undefined): Promise<PersonDocument[]> =>
      people.find(search ? { name: containing(db, search) } : {}, { orderBy: [['name', 'asc']], limit: 50 }),
    /** People holding any grant in this unit, org or street (or `district`), by name, at most 200. */
    withGrantIn: (scopeId: string): Promise<PersonDocument[]> => people.find({ grants: _.elemMatch({ scopeId }) }, { orderBy: [['name', 'asc']], limit: 200 }),
    /** People holding one of these roles in this scope (e.g. a unit's staff and head), at most 100. */
    holding: (roles: readonly Role[], scopeId: string): Promise<PersonDocument[]> => people.find({ grants: _.elemMatch({ scopeId, role: _.in([...roles]) }) }, { limit: 100 }),
    /** Everyone's WeChat identity and grants (a daily job's reach), 1,000 a request. */
    everyoneWithGrants: (): Promise<Array<Pick<PersonDocument, '_id' | 'openid' | 'grants'>>> => people.findEvery({}, { orderBy: [['_id', 'asc']], fields: { _id: 1, openid: 1, grants: 1 } }),
    /** A person's grants, read and replaced inside the transaction that writes the audit entry. */
    inTx: (tx: Tx) => ({
      get: async (personId: string): Promise<PersonDocument> => (await tx.collection('people').doc(personId).get()).data as PersonDocument,
      setGrants: async (personId: string, grants: readonly Grant[], now: Date): Promise<void> => {
        await tx.collection('people').doc(personId).update({ data: { grants: _.set(grants), updatedAt: now } });
      },
      /** Adds one grant to those stored (whatever else changed them meanwhile); answers whether the person was there to take it. */
      addGrant: async (personId: string, grant: Grant, now: Date): Promise<boolean> => {
        const result = (await tx.collection('people').doc(personId).update({ data: { grants: _.push(grant), updatedAt: now } })) as { stats?: { updated?: number } };
        return result.stats?.updated === 1;
      },
    }),
  };
}
