import { approveLeaderInput, pendingLeadersInput } from '../../../src/contract/session';
import type { PendingLeaderView } from '../../../src/contract/session';
import { canApproveLeaderOf, isDistrictOffice, streetIdsOf, unitIdsOf } from '../../../src/domain/access/scope';
import { yearOf } from '../../../src/domain/time/periods';
import type { PairingDocument, PersonDocument } from '../../db/documents';
import { findAll, updateWhere } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';

/** The year's pairings the caller can see as unit side, office or org leader. */
async function pairingsInReach(db: CloudDatabase, caller: Caller, year: number): Promise<PairingDocument[]> {
  const _ = db.command;
  if (isDistrictOffice(caller.grants)) return findAll<PairingDocument>(db.collection('pairings').where({ year }).limit(1000));
  const branches: object[] = [];
  const units = unitIdsOf(caller.grants);
  const streets = streetIdsOf(caller.grants);
  const orgs = caller.grants.filter((grant) => grant.role === 'orgLeader' && grant.approved).map((grant) => grant.scopeId);
  if (units.length > 0) branches.push({ unitId: _.in(units) });
  if (streets.length > 0) branches.push({ streetId: _.in(streets) }, { unitStreetId: _.in(streets) });
  if (orgs.length > 0) branches.push({ orgId: _.in(orgs) });
  if (branches.length === 0) return [];
  return findAll<PairingDocument>(db.collection('pairings').where(_.and([{ year }, _.or(branches)])).limit(1000));
}

export const pendingLeaders = defineAction({
  name: 'session.pendingLeaders',
  input: pendingLeadersInput,
  access: 'person',
  async run({ db, caller, now }) {
    const pairings = await pairingsInReach(db, caller, yearOf(now).year);
    const orgIds = [...new Set(pairings.filter((pairing) => canApproveLeaderOf(caller.grants, pairing.orgId, pairings)).map((pairing) => pairing.orgId))];
    if (orgIds.length === 0) return { items: [] };
    const people = await findAll<PersonDocument>(
      db.collection('people').where({ grants: db.command.elemMatch({ role: 'orgLeader', approved: false, scopeId: db.command.in(orgIds) }) }).limit(200),
    );
    const items: PendingLeaderView[] = people.flatMap((person) =>
      person.grants
        .filter((grant) => grant.role === 'orgLeader' && !grant.approved && orgIds.includes(grant.scopeId))
        .map((grant) => ({ personId: person._id, name: person.name, orgId: grant.scopeId, orgName: grant.scopeName })),
    );
    return { items };
  },
});

export const approveLeader = defineAction({
  name: 'session.approveLeader',
  input: approveLeaderInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const pairings = await findAll<PairingDocument>(db.collection('pairings').where({ orgId: input.orgId, year: yearOf(now).year }));
    if (!canApproveLeaderOf(caller.grants, input.orgId, pairings)) fail('FORBIDDEN', `person ${caller.personId} may not approve leaders of ${input.orgId}`, { userMessage: '只有结对单位、党群共建办或已审核的负责人可以审核' });
    const [person] = await findAll<PersonDocument>(db.collection('people').where({ _id: input.personId }).limit(1));
    const index = person?.grants.findIndex((grant) => grant.role === 'orgLeader' && grant.scopeId === input.orgId) ?? -1;
    if (!person || index < 0) fail('NOT_FOUND', `person ${input.personId} has no leader grant for ${input.orgId}`);
    const grant = person.grants[index]!;
    if (grant.approved) fail('ALREADY_DONE', `leader ${input.personId} of ${input.orgId} already approved`, { userMessage: '该负责人已审核通过' });
    const changed = await updateWhere(db.collection('people').where({ _id: person._id, [`grants.${index}.scopeId`]: input.orgId, [`grants.${index}.approved`]: false }), {
      [`grants.${index}.approved`]: true,
      [`grants.${index}.approvedBy`]: caller.personId,
      [`grants.${index}.approvedAt`]: now,
      updatedAt: now,
    });
    if (changed !== 1) fail('CONFLICT', `leader grant of ${person._id} changed during approval`);
    return { person: { personId: person._id, name: person.name, orgId: input.orgId, orgName: grant.scopeName, approved: true as const } };
  },
});
