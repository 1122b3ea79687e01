import { refuseLeaderInput } from '../../../src/contract/adminLeaders';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { requireLeaderApprover } from '../../services/people/leaderApprover';
import { changeGrants } from './changeGrants';
import { LEADER_REFUSED, REFUSED_LABEL, WAITING_LABEL } from './leaderAudit';

/**
 * admin.refuseLeader — refuse a party leader's request, with the reason they will read (required,
 * at most 200 characters). Whoever may approve may refuse (`canApproveLeaderOf`). The waiting grant
 * is taken away and the audit trail keeps the refusal and its reason; the person may ask again
 * (admin.reapplyLeader). An approved leader is removed on the org's page instead.
 */
export const refuseLeader = defineAction({
  name: 'admin.refuseLeader',
  input: refuseLeaderInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    await requireLeaderApprover(db, caller, now, input.orgId, 'refuse');
    const person = await adminPeopleRepository(db).byId(input.personId);
    const held = person?.grants.find((grant) => grant.role === 'orgLeader' && grant.scopeId === input.orgId);
    if (!person || !held) fail('NOT_FOUND', `person ${input.personId} has no leader grant for ${input.orgId}`, { userMessage: '没有找到这项申请，可能已被处理' });
    if (held.approved) fail('ALREADY_DONE', `leader ${input.personId} of ${input.orgId} already approved`, { userMessage: '该负责人已审核通过，如需移出请在组织页面操作' });
    await changeGrants(
      db,
      caller,
      now,
      person._id,
      (grants) => {
        const kept = grants.filter((grant) => !(grant.role === 'orgLeader' && grant.scopeId === input.orgId && !grant.approved));
        return kept.length === grants.length ? '没有找到这项申请，可能已被处理' : kept;
      },
      { action: LEADER_REFUSED, grant: held, before: WAITING_LABEL, after: REFUSED_LABEL, note: input.reason },
    );
    return { refused: true as const };
  },
});
