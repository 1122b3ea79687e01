import { linkedPages } from '../../../src/contract/pages';
import { inviteInput } from '../../../src/contract/session';
import { canApproveLeaderOf, policy } from '../../../src/domain/access/policy';
import { yearOf } from '../../../src/domain/time/periods';
import type { InvitationDocument } from '../../db/documents';
import { invitationsRepository } from '../../repositories/invitations';
import { allows, refuseIfAwaitingApproval, subjectOfCaller } from '../../runtime/access';
import type { ActionContext, Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { miniProgramCode } from '../../services/records/miniProgramCode';
import { standingInvitation } from './standingInvitation';

/** Temporary: server/actions/admin/views.ts still imports this; delete once it uses `linkedPages.join`. */
export const JOIN_PAGE = linkedPages.join;

/**
 * The unit or org the caller may hand out an invitation for, with its standing invitation (one
 * request): a unit's own people and the offices over it (`unit.view`); for an org, whoever may
 * approve its party leaders (`canApproveLeaderOf`, over the org's pairings of the year).
 */
async function invitableScope({ db, caller, now }: ActionContext & { caller: Caller }, scopeType: 'unit' | 'org', scopeId: string): Promise<{ scopeName: string; standing: InvitationDocument | undefined }> {
  const found = await invitationsRepository(db).invitingScope(scopeType, scopeId, yearOf(now).year);
  if (found?.scopeType === 'unit') {
    if (!allows(caller, policy.unit.view, found.unit)) fail('FORBIDDEN', `person ${caller.personId} may not invite to unit ${scopeId}`);
    return { scopeName: found.unit.name, standing: found.standing };
  }
  if (found?.scopeType === 'org') {
    if (canApproveLeaderOf(subjectOfCaller(caller), found.org._id, found.pairings)) return { scopeName: found.org.name, standing: found.standing };
    refuseIfAwaitingApproval(caller, found.org._id, `invite to org ${found.org._id}`);
  }
  fail('FORBIDDEN', `person ${caller.personId} may not invite to ${scopeType} ${scopeId}`);
}

/**
 * session.invite — the code (and QR) that lets a colleague join a unit, or an org's party leader join
 * the org. Given out by the unit's own people, the paired unit, the org's approved leader or an office.
 * Three requests the first time (the caller, the unit or org with its pairings and its invitation,
 * the invitation made), two after.
 */
export const invite = defineAction({
  name: 'session.invite',
  input: inviteInput,
  access: 'person',
  async run(context, input) {
    const { db, cloud, caller, now } = context;
    const { scopeName, standing } = await invitableScope(context, input.scopeType, input.scopeId);
    const invitation = await standingInvitation(db, { scopeType: input.scopeType, scopeId: input.scopeId, scopeName }, standing, caller.personId, now);
    const view = { code: invitation.code, scopeType: invitation.scopeType, scopeName: invitation.scopeName, role: invitation.role, path: `${linkedPages.join}?code=${invitation.code}` };
    return input.withQrImage ? { ...view, qrImage: await miniProgramCode(cloud, linkedPages.join, `c=${invitation.code}`) } : view;
  },
});
