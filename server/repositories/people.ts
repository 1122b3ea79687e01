import type { Grant } from '../../src/contract/people';
import { Collection } from '../db/collection';
import type { PersonDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

export type PersonWithGrants = Pick<PersonDocument, '_id' | 'openid' | 'grants'>;

/** People and their grants (人员及其角色). */
export function peopleRepository(db: CloudDatabase) {
  const people = new Collection<PersonDocument>(db, 'people');
  const _ = db.command;
  return {
    /** The person holding this WeChat identity: one request. */
    byOpenid: (openid: string): Promise<PersonDocument | undefined> => people.first({ openid }),

    byId: (id: string): Promise<PersonDocument | undefined> => people.byId(id),

    /** These people's names: one request for each 100 ids, all at once. */
    namesOf: async (ids: readonly string[]): Promise<Map<string, string>> => {
      const chunks = Array.from({ length: Math.ceil(ids.length / 100) }, (_unused, index) => ids.slice(index * 100, index * 100 + 100));
      const found = await Promise.all(chunks.map((chunk) => people.find<Pick<PersonDocument, '_id' | 'name'>>({ _id: _.in(chunk) }, { limit: 100, fields: { _id: 1, name: 1 } })));
      return new Map(found.flat().map((person) => [person._id, person.name]));
    },

    async insert(person: PersonDocument): Promise<void> {
      await people.insert(person);
    },

    /** Adds a grant to the person; answers whether they were changed. */
    async addGrant(personId: string, grant: Grant, now: Date): Promise<boolean> {
      return (await people.updateWhere({ _id: personId }, { grants: _.push(grant), updatedAt: now })) === 1;
    },

    /** People waiting for approval as the party leader of one of these orgs (at most 200). */
    awaitingLeaderApproval: (orgIds: readonly string[]): Promise<PersonDocument[]> =>
      people.find({ grants: _.elemMatch({ role: 'orgLeader', approved: false, scopeId: _.in([...orgIds]) }) }, { limit: 200 }),

    /**
     * Approves the person's grant at `index`, if it still is an unapproved leader grant of this org
     * (the database checks it); answers whether it was approved now.
     */
    async approveLeaderGrant(personId: string, index: number, orgId: string, approvedBy: string, now: Date): Promise<boolean> {
      const changed = await people.updateWhere(
        { _id: personId, [`grants.${index}.scopeId`]: orgId, [`grants.${index}.approved`]: false },
        { [`grants.${index}.approved`]: true, [`grants.${index}.approvedBy`]: approvedBy, [`grants.${index}.approvedAt`]: now, updatedAt: now },
      );
      return changed === 1;
    },

    /** Everyone with their grants (the reminder timer works out who is reminded of what). */
    everyoneWithGrants: (): Promise<PersonWithGrants[]> => people.findEvery<PersonWithGrants>({}, { orderBy: [['_id', 'asc']], fields: { _id: 1, openid: 1, grants: 1 } }),
  };
}
