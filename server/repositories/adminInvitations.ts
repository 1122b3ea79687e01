import { Collection } from '../db/collection';
import type { InvitationDocument } from '../db/documents';
import type { Tx } from '../db/transaction';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

type InvitationScope = Pick<InvitationDocument, 'scopeType' | 'scopeId'>;

/** A unit's or org's invitation codes, as administration lists and stops them. */
export function adminInvitationsRepository(db: CloudDatabase) {
  const invitations = new Collection<InvitationDocument>(db, 'invitations');
  return {
    /** The standing code and those stopped, newest first, at most 50. */
    of: ({ scopeType, scopeId }: InvitationScope): Promise<InvitationDocument[]> => invitations.find({ scopeId, scopeType }, { orderBy: [['createdAt', 'desc']], limit: 50 }),
    /** The codes still standing (one, normally). */
    standing: ({ scopeType, scopeId }: InvitationScope): Promise<InvitationDocument[]> => invitations.find({ scopeId, scopeType, revokedAt: null }, { limit: 10 }),
  };
}

export function adminInvitationsInTx(tx: Tx) {
  return {
    /** Stops a code: it is kept under `stoppedId`, so that session.invite can make a fresh one. */
    stop: async (invitation: InvitationDocument, stoppedId: string, stop: { readonly revokedAt: Date; readonly revokedBy: string }): Promise<void> => {
      await tx.collection('invitations').doc(invitation._id).remove();
      await tx.collection('invitations').add({ data: { ...withoutId(invitation), _id: stoppedId, revokedAt: stop.revokedAt, revokedBy: stop.revokedBy } });
    },
  };
}
