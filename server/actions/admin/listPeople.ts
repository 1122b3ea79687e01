import { peopleInput } from '../../../src/contract/admin';
import { managesStreet, policy } from '../../../src/domain/access/policy';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import { allows, requireAccess, subjectOfCaller } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { orgOrFail, unitOrFail } from './entityOrFail';
import { peopleOfScope } from './peopleOfScope';
import { OUT_OF_SCOPE, refuse } from './refusals';
import { toPersonAdminView } from './toPersonAdminView';

/** admin.people — the people of a unit, an org, a street office or the district office (or, for the district office, anyone by name). */
export const people = defineAction({
  name: 'admin.people',
  input: peopleInput,
  access: 'person',
  async run({ db, caller }, input) {
    const subject = subjectOfCaller(caller);
    const repository = adminPeopleRepository(db);
    if (input.scopeType === 'any') {
      if (!allows(caller, policy.district.administer, {})) refuse(caller, 'search people', '只有区委党群共建办可以查找全部人员');
      return { people: (await repository.named(input.search)).map((person) => toPersonAdminView(person)) };
    }
    if (input.scopeType === 'district' ? !subject.district : !input.scopeId) fail('INVALID_INPUT', 'scopeId missing', { field: 'scopeId', userMessage: '请指定单位、组织或街道' });
    const scopeId = input.scopeType === 'district' ? 'district' : input.scopeId!;
    if (input.scopeType === 'unit') requireAccess(caller, policy.unit.view, await unitOrFail(db, scopeId), { as: 'FORBIDDEN', userMessage: OUT_OF_SCOPE });
    else if (input.scopeType === 'org') requireAccess(caller, policy.org.editDetails, await orgOrFail(db, scopeId), { as: 'FORBIDDEN', userMessage: OUT_OF_SCOPE, orgId: scopeId });
    else if (input.scopeType === 'street' && !managesStreet(subject, scopeId)) refuse(caller, `list the office of ${scopeId}`);
    return { people: await peopleOfScope(db, input.scopeType, scopeId) };
  },
});
