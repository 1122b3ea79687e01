import { importRefInput } from '../../../../src/contract/admin';
import { defineAction } from '../../../runtime/defineAction';
import { officeRoles, requireOffice } from '../refusals';
import { ownImportOrFail, toProgressView } from './ownImport';

/** admin.importStatus — where an import stands (for a page polling a long commit). */
export const importStatus = defineAction({
  name: 'admin.importStatus',
  input: importRefInput,
  access: officeRoles,
  async run({ db, caller }, input) {
    requireOffice(caller, 'read an import');
    return toProgressView(await ownImportOrFail(db, caller, input.importId));
  },
});
