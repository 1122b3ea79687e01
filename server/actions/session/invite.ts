import { linkedPages } from '../../../src/contract/pages';
import { inviteInput } from '../../../src/contract/session';
import { canApproveLeaderOf, policy } from '../../../src/domain/access/policy';
import { yearOf } from '../../../src/domain/time/periods';
import { invitationsRepository } from '../../repositories/invitations';
import { recordsPairingsRepository } from '../../repositories/recordsPairings';
import { allows, refuseIfAwaitingApproval, subjectOfCaller } from '../../runtime/access';
import type { ActionContext, Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { miniProgramCode } from '../../services/records/miniProgramCode';
import { standingInvitation } from './standingInvitation';

/** Temporary: server/actions/admin/views.ts still imports this; delete once it uses `linkedPages.join`. */
export const JOIN_PAGE = linkedPages.join;

/**
 * The name of the unit or org the caller may hand out an invitation for: a unit's own people and the
 * offices over it (`unit.view`); for an org, whoever may approve its party leaders (`canApproveLeaderOf`).
 */
async function invitableScopeName({ db, caller, now }: ActionContext & { caller: Caller }, scopeType: 'unit' | 'org', scopeId: string): Promise<string> {
  const scopes = invitationsRepository(db);
  if (scopeType === 'unit') {
    const unit = await scopes.unit(scopeId);
    if (!unit || !allows(caller, policy.unit.view, unit)) fail('FORBIDDEN', `person ${caller.personId} may not invite to unit ${scopeId}`);
    return unit.name;
  }
  const org = await scopes.org(scopeId);
  const pairings = org ? await recordsPairingsRepository(db).ofOrgInYear(org._id, yearOf(now).year) : [];
  if (org && !canApproveLeaderOf(subjectOfCaller(caller), org._id, pairings)) refuseIfAwaitingApproval(caller, org._id, `invite to org ${org._id}`);
  if (!org || !canApproveLeaderOf(subjectOfCaller(caller), org._id, pairings)) fail('FORBIDDEN', `person ${caller.personId} may not invite to org ${scopeId}`);
  return org.name;
}

/**
 * session.invite — the code (and QR) that lets a colleague join a unit, or an org's party leader join
 * the org. Given out by the unit's own people, the paired unit, the org's approved leader or an office.
 */
export const invite = defineAction({
  name: 'session.invite',
  input: inviteInput,
  access: 'person',
  async run(context, input) {
    const { db, cloud, caller, now } = context;
    const scopeName = await invitableScopeName(context, input.scopeType, input.scopeId);
    const invitation = await standingInvitation(db, { scopeType: input.scopeType, scopeId: input.scopeId, scopeName }, caller.personId, now);
    const view = { code: invitation.code, scopeType: invitation.scopeType, scopeName: invitation.scopeName, role: invitation.role, path: `${linkedPages.join}?code=${invitation.code}` };
    return input.withQrImage ? { ...view, qrImage: await miniProgramCode(cloud, linkedPages.join, `c=${invitation.code}`) } : view;
  },
});
