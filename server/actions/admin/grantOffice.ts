import { grantOfficeInput } from '../../../src/contract/admin';
import { roleLabels, roleScope } from '../../../src/contract/people';
import type { Grant } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { changeGrants } from './changeGrants';
import { streetOrFail } from './entityOrFail';
import { toPersonAdminView } from './toPersonAdminView';

/** admin.grantOffice — the district office makes a joined person a street or district office member. */
export const grantOffice = defineAction({
  name: 'admin.grantOffice',
  input: grantOfficeInput,
  access: ['districtOffice'],
  async run({ db, caller, now }, input) {
    let scopeName = '区委党群共建办';
    if (input.role === 'streetOffice') {
      scopeName = (await streetOrFail(db, input.scopeId, 'scopeId')).name;
    } else if (input.scopeId !== 'district') {
      fail('INVALID_INPUT', `district scope ${input.scopeId}`, { field: 'scopeId', userMessage: '区委党群共建办的范围应为 district' });
    }
    const grant: Grant = { role: input.role, scopeType: roleScope[input.role], scopeId: input.scopeId, scopeName, approved: true };
    const after = await changeGrants(
      db,
      caller,
      now,
      input.personId,
      (grants) => (grants.some((held) => held.role === grant.role && held.scopeId === grant.scopeId) ? '此人已有该身份' : [...grants, grant]),
      { action: 'person.grantOffice', grant, before: '', after: roleLabels[input.role] },
    );
    return { person: toPersonAdminView(after) };
  },
});
