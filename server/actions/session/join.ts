import type { Grant } from '../../../src/contract/people';
import { roleScope } from '../../../src/contract/people';
import { joinInput } from '../../../src/contract/session';
import { invitationsRepository } from '../../repositories/invitations';
import { peopleRepository } from '../../repositories/people';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import type { LeaderRequestStamp } from '../../runtime/leaderRequest';
import { newToken } from '../../runtime/tokens';
import { grantView, viewerOf } from '../../runtime/viewer';

/**
 * session.join — a WeChat identity joins a unit (as unit staff) or an org (as its party leader) with
 * an invitation code. A person can hold roles in several places. An org's party leader waits for
 * approval by the paired unit, an office or an approved leader before confirming anything.
 */
export const join = defineAction({
  name: 'session.join',
  input: joinInput,
  access: 'anyone',
  async run({ db, openid, caller, now }, input) {
    if (!openid) fail('UNAUTHENTICATED', 'join without a WeChat identity');
    const invitation = await invitationsRepository(db).byCode(input.code);
    if (!invitation || invitation.revokedAt !== null) fail('NOT_FOUND', `invitation ${input.code} unknown or revoked`, { field: 'code', userMessage: '邀请码无效或已停用，请向邀请人核对' });
    const granted: Grant = { role: invitation.role, scopeType: roleScope[invitation.role], scopeId: invitation.scopeId, scopeName: invitation.scopeName, approved: invitation.role !== 'orgLeader' };
    // A party leader's request records when they asked and who invited them, for the approver.
    const stamp: LeaderRequestStamp = { requestedAt: now, invitedBy: invitation.createdBy };
    const grant: Grant = invitation.role === 'orgLeader' ? { ...granted, ...stamp } : granted;
    const people = peopleRepository(db);
    if (caller) {
      const held = caller.grants.find((existing) => existing.role === grant.role && existing.scopeId === grant.scopeId);
      if (held) return { person: viewerOf(caller), grant: grantView(held), alreadyMember: true };
      if (!(await people.addGrant(caller.personId, grant, now))) fail('CONFLICT', `person ${caller.personId} changed while joining`);
      return { person: viewerOf({ ...caller, grants: [...caller.grants, grant] }), grant: grantView(grant), alreadyMember: false };
    }
    if (!input.name) fail('INVALID_INPUT', 'first join needs a name', { field: 'name', userMessage: '第一次加入请填写姓名' });
    const person = { _id: `person-${newToken()}`, openid, name: input.name, grants: [grant], createdAt: now };
    await people.insert(person);
    return { person: viewerOf({ personId: person._id, openid, name: person.name, grants: person.grants }), grant: grantView(grant), alreadyMember: false };
  },
});
