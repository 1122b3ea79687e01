import { randomInt } from 'node:crypto';
import type { InvitationDocument } from '../../db/documents';
import { invitationsRepository } from '../../repositories/invitations';
import { isDuplicateKey } from '../../repositories/surveyBallots';
import type { CloudDatabase } from '../../runtime/cloud';

/** No 0/O, 1/I: codes are read aloud and typed on phones. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newInvitationCode(): string {
  return Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** A unit's or org's standing invitation has this id (a stopped one moves to another: admin.revokeInvitation). */
export const standingInvitationId = (scopeType: InvitationDocument['scopeType'], scopeId: string) => `invitation-${scopeType}-${scopeId}`;

/**
 * The standing invitation of a unit or org: `standing` (read by the caller with the unit or org), or
 * made now — one request. When another request made it first (its id exists), that one, read by id.
 */
export async function standingInvitation(
  db: CloudDatabase,
  scope: Pick<InvitationDocument, 'scopeType' | 'scopeId' | 'scopeName'>,
  standing: InvitationDocument | undefined,
  createdBy: string,
  now: Date,
): Promise<InvitationDocument> {
  if (standing) return standing;
  const invitations = invitationsRepository(db);
  const invitation: InvitationDocument = {
    _id: standingInvitationId(scope.scopeType, scope.scopeId),
    code: newInvitationCode(),
    ...scope,
    role: scope.scopeType === 'unit' ? 'unitStaff' : 'orgLeader',
    createdBy,
    createdAt: now,
    revokedAt: null,
  };
  try {
    await invitations.insert(invitation);
    return invitation;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const made = await invitations.byId(invitation._id);
    if (!made || made.revokedAt !== null) throw error;
    return made;
  }
}
