import { removeGrantInput } from '../../../src/contract/admin';
import { roleLabels, roleScope } from '../../../src/contract/people';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { changeGrants, mayChangeGrant } from './changeGrants';
import { refuse, refuseOnOrg } from './refusals';
import { toPersonAdminView } from './toPersonAdminView';

/** admin.removeGrant — take a person out of a unit or org (or an office); they keep their other roles. */
export const removeGrant = defineAction({
  name: 'admin.removeGrant',
  input: removeGrantInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    if (!(await mayChangeGrant(db, caller, input.role, input.scopeId))) {
      const what = `remove ${input.role} of ${input.scopeId}`;
      if (roleScope[input.role] === 'org') refuseOnOrg(caller, input.scopeId, what);
      refuse(caller, what);
    }
    if (input.personId === caller.personId && input.role === 'districtOffice') fail('CONFLICT', 'would remove own district grant', { userMessage: '不能移除自己的区委党群共建办身份，请由其他同事操作' });
    const person = await adminPeopleRepository(db).byId(input.personId);
    const held = person?.grants.find((grant) => grant.role === input.role && grant.scopeId === input.scopeId);
    if (!person || !held) fail('NOT_FOUND', `person ${input.personId} holds no ${input.role} of ${input.scopeId}`, { userMessage: '此人没有该身份' });
    const after = await changeGrants(
      db,
      caller,
      now,
      person._id,
      (grants) => {
        const kept = grants.filter((grant) => !(grant.role === input.role && grant.scopeId === input.scopeId));
        return kept.length === grants.length ? '此人没有该身份' : kept;
      },
      { action: 'person.removeGrant', grant: held, before: roleLabels[input.role], after: '已移出' },
    );
    return { person: toPersonAdminView(after) };
  },
});
