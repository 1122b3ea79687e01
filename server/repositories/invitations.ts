import { Collection } from '../db/collection';
import type { InvitationDocument, OrgDocument, UnitDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** Invitations (邀请码、二维码) and the units and orgs they let people join. */
export function invitationsRepository(db: CloudDatabase) {
  const invitations = new Collection<InvitationDocument>(db, 'invitations');
  return {
    byCode: (code: string): Promise<InvitationDocument | undefined> => invitations.first({ code }),

    /** The invitation of this unit or org that has not been stopped. */
    standing: (scopeType: InvitationDocument['scopeType'], scopeId: string): Promise<InvitationDocument | undefined> => invitations.first({ scopeId, scopeType, revokedAt: null }),

    async insert(invitation: InvitationDocument): Promise<void> {
      await invitations.insert(invitation);
    },

    unit: (id: string): Promise<UnitDocument | undefined> => new Collection<UnitDocument>(db, 'units').byId(id),

    org: (id: string): Promise<OrgDocument | undefined> => new Collection<OrgDocument>(db, 'orgs').byId(id),
  };
}
