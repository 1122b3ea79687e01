import { importCommitInput } from '../../../../src/contract/admin';
import { commitCanProceed } from '../../../../src/domain/admin/importJob';
import { declarationOf } from '../../../deploy/functions';
import { DB_REQUEST_WORST_MS } from '../../../deploy/latency';
import { importJobsRepository } from '../../../repositories/importJobs';
import { defineAction } from '../../../runtime/defineAction';
import { fail } from '../../../runtime/failure';
import { officeRoles, requireOffice } from '../refusals';
import { advanceImport } from './commitEngine';
import { ownImportOrFail, toProgressView } from './ownImport';

/** A checked plan is committed within a day; after that the data has likely moved on. */
const READY_FOR_MS = 24 * 3_600_000;
/** A commit not heard of for this long is taken as abandoned (its next call resumes it). */
const STALE_AFTER_MS = 10 * 60_000;
/** Work per call: half the admin function's timeout (server/deploy/functions.ts), the rest is headroom. */
const WORK_MS = declarationOf('admin').timeoutSeconds * 500;
/** The same work in request rounds at WeChat's worst database latency. */
export const COMMIT_ROUNDS_PER_CALL = Math.floor(WORK_MS / DB_REQUEST_WORST_MS);

/**
 * admin.importCommit — applies a checked import, as many chunks per call as its budget allows; call again while
 * the state is `committing` or `rollingBack` (the page shows the progress). All or nothing: a
 * failure undoes every chunk already applied.
 */
export const importCommit = defineAction({
  name: 'admin.importCommit',
  input: importCommitInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    requireOffice(caller, 'commit an import');
    const job = await ownImportOrFail(db, caller, input.importId);
    if (job.state === 'invalid') fail('CONFLICT', `import ${job._id} is invalid`, { userMessage: '这次预检发现了问题，不能导入：请修改表格后重新上传预检' });
    if (!commitCanProceed(job.state)) return toProgressView(job);
    if (job.state === 'ready') {
      if (now.getTime() - new Date(job.createdAt).getTime() > READY_FOR_MS) fail('EXPIRED', `import ${job._id} checked too long ago`, { userMessage: '预检结果已超过一天，请重新上传预检' });
      const others = await importJobsRepository(db).running();
      const busy = others.find((other) => other._id !== job._id && now.getTime() - new Date(other.updatedAt).getTime() < STALE_AFTER_MS);
      if (busy) fail('CONFLICT', `import ${busy._id} is running`, { userMessage: `${busy.createdByName}的导入正在进行，请稍后再试` });
    }
    const advanced = await advanceImport(db, job, caller, now, { maxChunks: input.maxChunks ?? Number.MAX_SAFE_INTEGER, until: Date.now() + WORK_MS, maxRounds: COMMIT_ROUNDS_PER_CALL });
    return toProgressView(advanced);
  },
});
