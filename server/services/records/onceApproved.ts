import type { Caller } from '../../runtime/context';

/**
 * The caller's party-leader grants still waiting for approval, as if approved: asking the policy with
 * them tells what a waiting leader will reach once approved. records.get uses it to tell such a
 * leader that approval is pending (instead of "not found"); activities lets them see and attend
 * their org's joint activities.
 */
export function onceApproved(caller: Pick<Caller, 'grants'>): Pick<Caller, 'grants'> {
  return { grants: caller.grants.filter((grant) => grant.role === 'orgLeader' && !grant.approved).map((grant) => ({ ...grant, approved: true })) };
}
