import { setUnitRoleInput } from '../../../src/contract/admin';
import { roleLabels } from '../../../src/contract/people';
import { policy } from '../../../src/domain/access/policy';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import { requireAccess } from '../../runtime/access';
import type { Grant } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { changeGrants } from './changeGrants';
import { unitOrFail } from './entityOrFail';
import { OUT_OF_SCOPE } from './refusals';
import { toPersonAdminView } from './toPersonAdminView';

const inUnit = (unitId: string) => (grant: Grant) => (grant.role === 'unitStaff' || grant.role === 'unitHead') && grant.scopeId === unitId;

/** admin.setUnitRole — make a unit's member its head (单位主要负责人) or staff. */
export const setUnitRole = defineAction({
  name: 'admin.setUnitRole',
  input: setUnitRoleInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const unit = await unitOrFail(db, input.unitId);
    requireAccess(caller, policy.unit.managePeople, unit, { as: 'FORBIDDEN', userMessage: OUT_OF_SCOPE });
    const person = await adminPeopleRepository(db).byId(input.personId);
    const held = person?.grants.find(inUnit(unit._id));
    if (!person || !held) fail('NOT_FOUND', `person ${input.personId} not in unit ${unit._id}`, { userMessage: '此人不在该单位' });
    if (held.role === input.role) return { person: toPersonAdminView(person, (grant) => grant.scopeId === unit._id) };
    const after = await changeGrants(
      db,
      caller,
      now,
      person._id,
      (grants) => {
        const index = grants.findIndex(inUnit(unit._id));
        if (index < 0) return '此人不在该单位';
        return grants.map((grant, position) => (position === index ? { ...grant, role: input.role } : grant));
      },
      { action: 'person.setRole', grant: held, before: roleLabels[held.role], after: roleLabels[input.role] },
    );
    return { person: toPersonAdminView(after, (grant) => grant.scopeId === unit._id) };
  },
});
