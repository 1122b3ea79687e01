import { exportInput } from '../../../../src/contract/admin';
import { matches } from '../../../../src/domain/access/filter';
import { policy } from '../../../../src/domain/access/policy';
import { exportFileName, exportRows, toCsv } from '../../../../src/domain/admin/exportTable';
import { yearOf } from '../../../../src/domain/time/periods';
import { accessFilter } from '../../../runtime/access';
import { defineAction } from '../../../runtime/defineAction';
import { fail } from '../../../runtime/failure';
import { newToken } from '../../../runtime/tokens';
import { officeRoles, requireOffice } from '../refusals';
import { currentTable } from './currentTable';
import { writeXlsx } from './spreadsheet';

/**
 * admin.export — the year's running pairings the caller may arrange (`pairing.manage`), in the
 * import's own format (.xlsx or CSV), stored in cloud storage with a temporary link; or the empty template.
 */
export const exportTable = defineAction({
  name: 'admin.export',
  input: exportInput,
  access: officeRoles,
  async run({ db, cloud, caller, now }, input) {
    requireOffice(caller, 'export the pairing table');
    const year = input.year ?? yearOf(now).year;
    const current = await currentTable(db);
    const mayArrange = accessFilter(caller, policy.pairing.manage);
    const pairings = input.template ? [] : current.pairings.filter((pairing) => pairing.year === year && matches(mayArrange, pairing));
    const rows = exportRows(year, pairings, current.units, current.orgs, current.streets);
    const content = input.format === 'xlsx' ? await writeXlsx(rows, year) : Buffer.from(toCsv(rows), 'utf8');
    const fileName = exportFileName(year, input.format, input.template);
    // The Chinese name ends the path, so what a browser or WeChat saves is called what it is; the token keeps links unguessable.
    const cloudPath = `exports/${caller.personId}/${newToken()}/${fileName}`;
    const uploaded = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
    const links = (await cloud.getTempFileURL({ fileList: [{ fileID: uploaded.fileID, maxAge: 3600 }] })) as { fileList: Array<{ tempFileURL: string; status: number }> };
    const url = links.fileList[0]?.status === 0 ? links.fileList[0].tempFileURL : '';
    if (!url) fail('INTERNAL', `no temporary URL for ${uploaded.fileID}`);
    return { fileId: uploaded.fileID, url, fileName, rows: rows.length };
  },
});
