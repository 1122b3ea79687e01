import { revokeInvitationInput } from '../../../src/contract/admin';
import { inTransaction } from '../../db/transaction';
import { adminInvitationsInTx, adminInvitationsRepository } from '../../repositories/adminInvitations';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import { defineAction } from '../../runtime/defineAction';
import { newToken } from '../../runtime/tokens';
import { invitationScopeOrFail } from './invitationScope';

/**
 * admin.revokeInvitation — stop the standing code (a code passed around too widely, a QR left on a
 * wall). The stopped invitation is kept under a new id, so that session.invite can make a fresh one.
 */
export const revokeInvitation = defineAction({
  name: 'admin.revokeInvitation',
  input: revokeInvitationInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const entity = await invitationScopeOrFail(db, caller, input.scopeType, input.scopeId, true);
    const standing = await adminInvitationsRepository(db).standing(input);
    for (const invitation of standing) {
      await inTransaction(db, async (tx) => {
        await adminInvitationsInTx(tx).stop(invitation, `${invitation._id}-stopped-${newToken().slice(0, 8)}`, { revokedAt: now, revokedBy: caller.personId });
        await recordAudit(
          tx,
          auditEntry(caller, now, {
            action: 'invitation.revoke',
            subjectType: 'invitation',
            subjectId: invitation._id,
            subjectName: `${invitation.scopeName}的邀请码`,
            unitId: input.scopeType === 'unit' ? input.scopeId : null,
            orgId: input.scopeType === 'org' ? input.scopeId : null,
            personId: null,
            streetIds: [entity.streetId],
            changes: [{ field: '邀请码', before: invitation.code, after: '已停用' }],
            note: '',
          }),
        );
      });
    }
    return { revoked: standing.length };
  },
});
