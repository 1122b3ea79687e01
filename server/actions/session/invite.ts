import { inviteInput } from '../../../src/contract/session';
import { canApproveLeaderOf, canInviteToUnit } from '../../../src/domain/access/scope';
import { yearOf } from '../../../src/domain/time/periods';
import type { OrgDocument, PairingDocument, UnitDocument } from '../../db/documents';
import { findAll, getById } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { standingInvitation } from './invitations';

export const JOIN_PAGE = 'pages/join/index';

/**
 * session.invite — the code (and QR) that lets a colleague join a unit, or an org's party leader join
 * the org. Given out by the unit's own people, the paired unit, the org's approved leader or an office.
 */
export const invite = defineAction({
  name: 'session.invite',
  input: inviteInput,
  access: 'person',
  async run({ db, cloud, caller, now }, input) {
    let scopeName: string;
    if (input.scopeType === 'unit') {
      const unit = await getById<UnitDocument>(db.collection('units'), input.scopeId);
      if (!unit || !canInviteToUnit(caller.grants, { id: unit._id, streetId: unit.streetId })) fail('FORBIDDEN', `person ${caller.personId} may not invite to unit ${input.scopeId}`);
      scopeName = unit.name;
    } else {
      const org = await getById<OrgDocument>(db.collection('orgs'), input.scopeId);
      const pairings = org ? await findAll<PairingDocument>(db.collection('pairings').where({ orgId: org._id, year: yearOf(now).year })) : [];
      if (!org || !canApproveLeaderOf(caller.grants, org._id, pairings)) fail('FORBIDDEN', `person ${caller.personId} may not invite to org ${input.scopeId}`);
      scopeName = org.name;
    }
    const invitation = await standingInvitation(db, { scopeType: input.scopeType, scopeId: input.scopeId, scopeName }, caller.personId, now);
    const view = { code: invitation.code, scopeType: invitation.scopeType, scopeName: invitation.scopeName, role: invitation.role, path: `${JOIN_PAGE}?code=${invitation.code}` };
    if (!input.withQrImage) return view;
    const code = (await cloud.openapi.wxacode.getUnlimited({ scene: `c=${invitation.code}`, page: JOIN_PAGE, checkPath: false, width: 430 })) as { buffer: Buffer; contentType: string };
    return { ...view, qrImage: `data:${code.contentType};base64,${Buffer.from(code.buffer).toString('base64')}` };
  },
});
