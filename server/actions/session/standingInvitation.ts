import { randomInt } from 'node:crypto';
import type { InvitationDocument } from '../../db/documents';
import { invitationsRepository } from '../../repositories/invitations';
import type { CloudDatabase } from '../../runtime/cloud';

/** No 0/O, 1/I: codes are read aloud and typed on phones. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newInvitationCode(): string {
  return Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** The standing invitation of a unit or org; made on first request. Two requests at most. */
export async function standingInvitation(db: CloudDatabase, scope: Pick<InvitationDocument, 'scopeType' | 'scopeId' | 'scopeName'>, createdBy: string, now: Date): Promise<InvitationDocument> {
  const invitations = invitationsRepository(db);
  const existing = await invitations.standing(scope.scopeType, scope.scopeId);
  if (existing) return existing;
  const invitation: InvitationDocument = {
    _id: `invitation-${scope.scopeType}-${scope.scopeId}`,
    code: newInvitationCode(),
    ...scope,
    role: scope.scopeType === 'unit' ? 'unitStaff' : 'orgLeader',
    createdBy,
    createdAt: now,
    revokedAt: null,
  };
  await invitations.insert(invitation);
  return invitation;
}
