import type { PairingPlace } from '../../src/domain/access/policy';
import { aggregateAll, Collection } from '../db/collection';
import { pipeline } from '../db/commands';
import type { InvitationDocument, OrgDocument, UnitDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';
import { orgPairingsJoin } from './recordsPairings';

/** A unit or an org someone hands out an invitation for, with its standing invitation (and an org's pairings of the year). */
export type InvitingScope =
  | { readonly scopeType: 'unit'; readonly unit: UnitDocument; readonly standing: InvitationDocument | undefined }
  | { readonly scopeType: 'org'; readonly org: OrgDocument; readonly pairings: readonly PairingPlace[]; readonly standing: InvitationDocument | undefined };

/** Invitations (邀请码、二维码) and the units and orgs they let people join. */
export function invitationsRepository(db: CloudDatabase) {
  const invitations = new Collection<InvitationDocument>(db, 'invitations');
  return {
    byCode: (code: string): Promise<InvitationDocument | undefined> => invitations.first({ code }),

    byId: (id: string): Promise<InvitationDocument | undefined> => invitations.byId(id),

    /**
     * The unit or org with its invitation that has not been stopped and, for an org, its pairings of
     * the year (where they are): one aggregate, each part through an index; undefined when there is
     * no such unit or org.
     */
    async invitingScope(scopeType: InvitationDocument['scopeType'], scopeId: string, year: number): Promise<InvitingScope | undefined> {
      const standing = { from: 'invitations', pipeline: pipeline(db).match({ scopeId, scopeType, revokedAt: null }).done(), as: 'standing' };
      if (scopeType === 'unit') {
        const [unit] = await aggregateAll<UnitDocument & { standing: InvitationDocument[] }>(new Collection<UnitDocument>(db, 'units').aggregate().match({ _id: scopeId }).limit(1).lookup(standing));
        if (!unit) return undefined;
        const { standing: found, ...rest } = unit;
        return { scopeType, unit: rest, standing: found[0] };
      }
      const [org] = await aggregateAll<OrgDocument & { standing: InvitationDocument[]; pairings: PairingPlace[] }>(
        new Collection<OrgDocument>(db, 'orgs')
          .aggregate()
          .match({ _id: scopeId })
          .limit(1)
          .lookup(orgPairingsJoin(db, scopeId, year, 'pairings'))
          .lookup(standing),
      );
      if (!org) return undefined;
      const { standing: found, pairings, ...rest } = org;
      return { scopeType, org: rest, pairings, standing: found[0] };
    },

    async insert(invitation: InvitationDocument): Promise<void> {
      await invitations.insert(invitation);
    },

    org: (id: string): Promise<OrgDocument | undefined> => new Collection<OrgDocument>(db, 'orgs').byId(id),
  };
}
