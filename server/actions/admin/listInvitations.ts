import { invitationsInput } from '../../../src/contract/admin';
import { adminInvitationsRepository } from '../../repositories/adminInvitations';
import { defineAction } from '../../runtime/defineAction';
import { invitationScopeOrFail } from './invitationScope';
import { toInvitationView } from './toInvitationView';

/** admin.invitations — a unit's or org's invitation codes, the standing one and those stopped. */
export const invitations = defineAction({
  name: 'admin.invitations',
  input: invitationsInput,
  access: 'person',
  async run({ db, caller }, input) {
    await invitationScopeOrFail(db, caller, input.scopeType, input.scopeId, false);
    return { items: (await adminInvitationsRepository(db).of(input)).map(toInvitationView) };
  },
});
