/**
 * The one access policy answers a yes/no for one document and a database condition for a list from
 * the same definition: attack that claim with random people and random documents, on the real
 * local cloud. If any document is seen by one and not the other, the test names it.
 */
import type { Rule, ScopeGrant, ScopedRole } from '../../src/domain/access/policy';
import { can, filterFor, policy, subjectOf } from '../../src/domain/access/policy';
import { wxServerSdk } from '../../localcloud/sdk';
import { whereOf } from '../../server/db/where';
import { openLocalCloud } from '../../scripts/open-local-cloud';
import type { LocalCloud } from '../../localcloud';

const streets = ['s1', 's2', 's3'];
const units = ['u1', 'u2', 'u3'];
const orgs = ['o1', 'o2', 'o3'];
const states = ['draft', 'submitted', 'confirmed', 'disputed', 'revising'];

let seed = 20261201;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function randomDocument(index: number) {
  const type = pick(['district', 'street'] as const);
  return {
    _id: pick([...units, ...orgs, `doc-${index}`]),
    unitId: pick(units),
    orgId: pick(orgs),
    streetId: random() < 0.15 ? null : pick(streets),
    unitStreetId: pick(streets),
    state: pick(states),
    streetIds: streets.filter(() => random() < 0.4),
    unitIds: units.filter(() => random() < 0.4),
    scope: type === 'district' ? { type } : { type, streetId: pick(streets) },
    serial: index,
  };
}

function randomGrants(): ScopeGrant[] {
  const roles: ScopedRole[] = ['unitStaff', 'unitHead', 'orgLeader', 'streetOffice', 'districtOffice'];
  const count = Math.floor(random() * 3);
  return Array.from({ length: count }, () => {
    const role = pick(roles);
    const scopeId = role === 'streetOffice' ? pick(streets) : role === 'orgLeader' ? pick(orgs) : role === 'districtOffice' ? 'district' : pick(units);
    return { role, scopeId, approved: random() < 0.7 };
  });
}

const rules = Object.values(policy).flatMap((area) => Object.values(area) as Rule<object>[]);

describe('the access policy: one definition for checks and queries', () => {
  let local: LocalCloud;
  // Some documents lack a field altogether (a missing field is not the same as a value, except to `null`).
  const documents = Array.from({ length: 240 }, (_, index) => {
    const { streetId, ...rest } = { ...randomDocument(index), _id: `doc-${index}` };
    return index % 9 === 0 ? rest : { ...rest, streetId };
  });

  beforeAll(async () => {
    local = openLocalCloud({ dataDir: null, functionsFrom: 'source' });
    const db = wxServerSdk().database();
    for (const document of documents) await db.collection('auditTrail').add({ data: document });
  });
  afterAll(() => local.close());

  it.each(rules.map((rule) => [rule.name, rule] as const))('%s: the list a person reads is exactly the documents they may see', async (_name, rule) => {
    const db = wxServerSdk().database();
    for (let person = 0; person < 25; person += 1) {
      const grants = randomGrants();
      const subject = subjectOf(grants);
      const expected = documents.filter((document) => can(subject, rule, document)).map((document) => document._id).sort();
      const where = whereOf(db, filterFor(subject, rule));
      const listed = where === null ? [] : ((await db.collection('auditTrail').where(where).limit(1000).field({ _id: 1 }).get()) as { data: { _id: string }[] }).data.map((row) => row._id).sort();
      expect({ grants, listed }).toEqual({ grants, listed: expected });
    }
  });
});
