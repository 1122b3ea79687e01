import { approveLeaderInput, pendingLeadersInput } from '../../../src/contract/session';
import { yearOf } from '../../../src/domain/time/periods';
import { leaderApprovalRepository } from '../../repositories/leaderApproval';
import { peopleRepository } from '../../repositories/people';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { refuseUnlessLeaderApprover, requireLeaderApprover } from '../../services/people/leaderApprover';
import { pendingLeadersOf } from '../../services/people/pendingLeaders';

/**
 * session.pendingLeaders — org party leaders waiting for approval that the caller may approve
 * (`canApproveLeaderOf`, over the year's pairings the caller sees: `pairing.view`); the home screen
 * gets the same list in records.home's answer.
 */
export const pendingLeaders = defineAction({
  name: 'session.pendingLeaders',
  input: pendingLeadersInput,
  access: 'person',
  async run({ db, caller, now }) {
    return { items: await pendingLeadersOf(db, caller, now) };
  },
});

/**
 * session.approveLeader — approve an org's party leader so they can confirm records. Three requests:
 * the caller, the person with the org's pairings of the year (who may approve: `canApproveLeaderOf`),
 * and the approval, a conditional update that only an unapproved leader grant of the org takes.
 */
export const approveLeader = defineAction({
  name: 'session.approveLeader',
  input: approveLeaderInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const found = await leaderApprovalRepository(db).leaderToApprove(input.personId, input.orgId, yearOf(now).year);
    // No such person: whether the caller may approve still decides between FORBIDDEN and NOT_FOUND.
    if (!found) await requireLeaderApprover(db, caller, now, input.orgId, 'approve');
    else refuseUnlessLeaderApprover(caller, input.orgId, found.orgPairings, 'approve');
    const person = found?.person;
    const index = person?.grants.findIndex((grant) => grant.role === 'orgLeader' && grant.scopeId === input.orgId) ?? -1;
    if (!person || index < 0) fail('NOT_FOUND', `person ${input.personId} has no leader grant for ${input.orgId}`);
    const grant = person.grants[index]!;
    if (grant.approved) fail('ALREADY_DONE', `leader ${input.personId} of ${input.orgId} already approved`, { userMessage: '该负责人已审核通过' });
    if (!(await peopleRepository(db).approveLeaderGrant(person._id, index, input.orgId, caller.personId, now))) fail('CONFLICT', `leader grant of ${person._id} changed during approval`);
    return { person: { personId: person._id, name: person.name, orgId: input.orgId, orgName: grant.scopeName, approved: true as const } };
  },
});
