import type { InvitationAdminView } from '../../../src/contract/admin';
import { linkedPages } from '../../../src/contract/pages';
import type { InvitationDocument } from '../../db/documents';

const iso = (value: Date | string) => new Date(value).toISOString();

export function toInvitationView(invitation: InvitationDocument): InvitationAdminView {
  return {
    id: invitation._id,
    code: invitation.code,
    scopeType: invitation.scopeType,
    scopeName: invitation.scopeName,
    role: invitation.role,
    createdAt: iso(invitation.createdAt),
    revokedAt: invitation.revokedAt ? iso(invitation.revokedAt) : null,
    path: `${linkedPages.join}?code=${invitation.code}`,
  };
}
