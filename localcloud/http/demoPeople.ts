import type { DemoGrant, DemoPerson } from '../../src/contract/localSignIn';
import type { LocalDatabase } from '../db';

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

/** Whether the person signed in as `openid` is a district office (sees every local outbox message). */
export function holdsDistrictOffice(db: LocalDatabase, openid: string): boolean {
  const [person] = db.find('people', { openid }, { limit: 1 }) as StoredPerson[];
  return (person?.grants ?? []).some((grant) => grant.role === 'districtOffice' && grant.approved !== false);
}
