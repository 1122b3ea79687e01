import type { PersonView, RoleGrantView } from '../../src/contract/session';
import type { LocalDatabase } from '../db';

/** A grant as the local sign-in list shows it: the role, where, and whether it is approved yet. */
export type DemoGrant = Pick<RoleGrantView, 'role' | 'scopeName' | 'approved'>;

/** A person of the local demo sign-in list (`GET /__local/people`): the WeChat identity to sign in as, and what they hold. */
export interface DemoPerson extends Pick<PersonView, 'name'> {
  readonly openid: string;
  readonly grants: readonly DemoGrant[];
}

/** A stored person (the `people` collection, written by the seed and `session.join`): the fields the list reads. */
interface StoredPerson {
  readonly [field: string]: unknown;
  readonly openid: string;
  readonly name: string;
  readonly grants?: readonly DemoGrant[];
}

/** The sign-in page lists at most this many demo people. */
const listed = 100;

/** The demo people (`demo: true`) in their seeded order, read through the local cloud's own database. */
export function demoPeople(db: LocalDatabase): DemoPerson[] {
  const stored = db.find('people', { demo: true }, { order: { demoOrder: 1 }, limit: listed }) as StoredPerson[];
  return stored.map((person) => ({
    openid: person.openid,
    name: person.name,
    grants: (person.grants ?? []).map(({ role, scopeName, approved }) => ({ role, scopeName, approved })),
  }));
}
