import type { ImportProgressView } from '../../../../src/contract/admin';
import type { ImportJobDocument } from '../../../db/adminDocuments';
import { importJobsRepository } from '../../../repositories/importJobs';
import type { CloudDatabase } from '../../../runtime/cloud';
import type { Caller } from '../../../runtime/context';
import { fail } from '../../../runtime/failure';

/** The caller's own import: only the office member who checked it commits it or reads its progress. */
export async function ownImportOrFail(db: CloudDatabase, caller: Caller, importId: string): Promise<ImportJobDocument> {
  const job = await importJobsRepository(db).job(importId);
  if (!job || job.createdBy !== caller.personId) fail('NOT_FOUND', `import ${importId} not found for ${caller.personId}`, { field: 'importId', userMessage: '找不到这次导入，请重新上传预检' });
  return job;
}

export function toProgressView(job: ImportJobDocument): ImportProgressView {
  return { importId: job._id, state: job.state, applied: job.applied, total: job.chunkCount, message: job.failure, totals: job.totals };
}
