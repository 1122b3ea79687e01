import { invitationsInput, revokeInvitationInput } from '../../../src/contract/admin';
import { canManagePeopleOf, canSeePeopleOf } from '../../../src/domain/admin/adminScope';
import type { InvitationDocument } from '../../db/documents';
import { findAll } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { newToken } from '../../runtime/tokens';
import { refuse, scopeOf } from './access';
import { auditEntry, withoutId } from './auditLog';
import { orgOrFail, unitOrFail } from './load';
import { inTransaction } from './transaction';
import { invitationView } from './views';

async function entityOf(db: CloudDatabase, scopeType: 'unit' | 'org', scopeId: string): Promise<{ id: string; streetId: string; name: string }> {
  const entity = scopeType === 'unit' ? await unitOrFail(db, scopeId) : await orgOrFail(db, scopeId);
  return { id: entity._id, streetId: entity.streetId, name: entity.name };
}

/** admin.invitations — a unit's or org's invitation codes, the standing one and those stopped. */
export const invitations = defineAction({
  name: 'admin.invitations',
  input: invitationsInput,
  access: 'person',
  async run({ db, caller }, input) {
    const entity = await entityOf(db, input.scopeType, input.scopeId);
    if (!canSeePeopleOf(scopeOf(caller), input.scopeType, entity)) refuse(caller, `list invitations of ${input.scopeId}`);
    const found = await findAll<InvitationDocument>(db.collection('invitations').where({ scopeId: input.scopeId, scopeType: input.scopeType }).orderBy('createdAt', 'desc').limit(50));
    return { items: found.map(invitationView) };
  },
});

/**
 * admin.revokeInvitation — stop the standing code (a code passed around too widely, a QR left on a
 * wall). The stopped invitation is kept under a new id, so that session.invite can make a fresh one.
 */
export const revokeInvitation = defineAction({
  name: 'admin.revokeInvitation',
  input: revokeInvitationInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const entity = await entityOf(db, input.scopeType, input.scopeId);
    if (!canManagePeopleOf(scopeOf(caller), input.scopeType, entity)) refuse(caller, `revoke invitations of ${input.scopeId}`);
    const active = await findAll<InvitationDocument>(db.collection('invitations').where({ scopeId: input.scopeId, scopeType: input.scopeType, revokedAt: null }).limit(10));
    for (const invitation of active) {
      await inTransaction(db, async (tx) => {
        await tx.collection('invitations').doc(invitation._id).remove();
        await tx.collection('invitations').add({ data: { ...withoutId(invitation), _id: `${invitation._id}-stopped-${newToken().slice(0, 8)}`, revokedAt: now, revokedBy: caller.personId } });
        await tx.collection('auditTrail').add({
          data: auditEntry(caller, now, {
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
        });
      });
    }
    return { revoked: active.length };
  },
});
