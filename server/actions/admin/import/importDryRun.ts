import { importDryRunInput } from '../../../../src/contract/admin';
import type { ImportReportView } from '../../../../src/contract/admin';
import { chunkPlan } from '../../../../src/domain/admin/importJob';
import { planImport } from '../../../../src/domain/admin/importPlan';
import type { ImportPlan } from '../../../../src/domain/admin/importTypes';
import { parseTable } from '../../../../src/domain/admin/parseTable';
import type { ImportChunkDocument, ImportJobDocument } from '../../../db/adminDocuments';
import { importJobsRepository } from '../../../repositories/importJobs';
import { subjectOfCaller } from '../../../runtime/access';
import { defineAction } from '../../../runtime/defineAction';
import { fail } from '../../../runtime/failure';
import { newToken } from '../../../runtime/tokens';
import { newEntityCode } from '../entityCode';
import { officeRoles, requireOffice } from '../refusals';
import { currentTable } from './currentTable';
import { downloadUpload } from './downloadUpload';
import { readSpreadsheet } from './spreadsheet';

/** Rows listed in the report at most (problems first); the rest are counted. */
const MAX_REPORTED_ROWS = 1000;

/**
 * admin.importDryRun — reads the uploaded pairing table, compares it with the current data and
 * stores the plan as a job of chunks; answers the row-by-row report. Writes no unit, org or pairing.
 * A file that is not a spreadsheet, or over 10 MB, is refused and nothing is stored.
 */
export const importDryRun = defineAction({
  name: 'admin.importDryRun',
  input: importDryRunInput,
  access: officeRoles,
  async run({ db, cloud, caller, now }, input) {
    requireOffice(caller, 'import the pairing table');
    const scope = subjectOfCaller(caller);
    const content = await downloadUpload(cloud, input.fileId);
    const read = await readSpreadsheet(content, input.fileName);
    if (!read.ok) fail('INVALID_INPUT', `not an importable spreadsheet: ${input.fileName}`, { field: 'fileId', userMessage: read.problem });

    const importId = `import-${newToken()}`;
    const table = parseTable(read.grid);
    const plan = planImport(table, await currentTable(db), scope, {
      importId,
      fileName: input.fileName,
      now,
      actor: { id: caller.personId, name: caller.name },
      newId: (kind) => `${kind}-${newToken()}`,
      newCode: (kind) => newEntityCode(kind === 'unit' ? 'U' : 'O'),
    });
    const fileProblems = [...table.fileProblems];
    const canCommit = plan.canCommit && fileProblems.length === 0;
    const chunks = canCommit ? chunkPlan(plan.ops, plan.audit) : [];
    const jobs = importJobsRepository(db);
    await jobs.addChunks(chunks.map((chunk): ImportChunkDocument => ({ _id: `${importId}-${chunk.index}`, importId, index: chunk.index, ops: chunk.ops, audit: chunk.audit })));
    const job: ImportJobDocument = {
      _id: importId,
      state: canCommit ? 'ready' : 'invalid',
      createdBy: caller.personId,
      createdByName: caller.name,
      createdAt: now,
      updatedAt: now,
      scope: { district: scope.district, streetIds: scope.streetIds },
      fileId: input.fileId,
      fileName: input.fileName,
      format: read.format,
      year: plan.year,
      totals: plan.totals,
      chunkCount: chunks.length,
      applied: 0,
      failure: null,
      committedAt: null,
    };
    await jobs.addJob(job);
    return reportView(job, plan, fileProblems, [...read.warnings, ...table.warnings], chunks.map((chunk) => chunk.audit.length));
  },
});

/** `chunkRows`: rows per chunk (each changed row has exactly one audit entry, kept in its row's chunk). */
function reportView(job: ImportJobDocument, plan: ImportPlan, fileProblems: string[], warnings: string[], chunkRows: readonly number[]): ImportReportView {
  const withProblems = plan.rows.filter((row) => row.problems.length > 0);
  const changed = plan.rows.filter((row) => row.problems.length === 0 && !(row.unit === 'unchanged' && row.org === 'unchanged' && row.pairing === 'unchanged'));
  const listed = [...withProblems, ...changed];
  return {
    importId: job._id,
    state: job.state,
    fileName: job.fileName,
    format: job.format,
    year: plan.year,
    fileProblems,
    warnings,
    totals: plan.totals,
    rows: listed.slice(0, MAX_REPORTED_ROWS),
    rowsOmitted: Math.max(0, listed.length - MAX_REPORTED_ROWS),
    canCommit: job.state === 'ready',
    chunks: job.chunkCount,
    chunkRows,
  };
}
