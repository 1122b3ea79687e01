import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import type { FileHolder } from '../../repositories/files';
import { uploadedBy } from '../../repositories/files';

/**
 * The attachments a plan, record or check-in may keep: those it already has (a colleague's, say), and
 * new ones the caller uploaded that nothing else holds. A fileId from someone else, or from another
 * plan, record or check-in, is refused, so nobody gets a download link for a file by attaching it to
 * their own. `holders`: what holds the attachments' files, read with the action's other reads
 * (`withHolders` of repositories/files), so the check costs no request of its own.
 */
export function requireAttachable(
  caller: Caller,
  holder: Pick<FileHolder, 'kind' | 'id'>,
  attachments: ReadonlyArray<{ readonly fileId: string }>,
  kept: ReadonlyArray<{ readonly fileId: string }>,
  holders: readonly FileHolder[],
): void {
  const already = new Set(kept.map((item) => item.fileId));
  const added = new Set(attachments.map((item) => item.fileId).filter((fileId) => !already.has(fileId)));
  const foreign = [...added].find((fileId) => !uploadedBy(fileId, caller));
  if (foreign !== undefined) {
    fail('FORBIDDEN', `person ${caller.personId} attached a file not uploaded by them: ${foreign}`, { field: 'attachments', userMessage: '只能附上您本人刚上传的文件，请重新上传附件' });
  }
  const held = holders.find((other) => added.has(other.fileId) && !(other.kind === holder.kind && other.id === holder.id));
  if (held) {
    fail('FORBIDDEN', `file ${held.fileId} already belongs to ${held.kind} ${held.id}`, { field: 'attachments', userMessage: '该文件已附在其他方案或记录上，请重新上传附件' });
  }
}
