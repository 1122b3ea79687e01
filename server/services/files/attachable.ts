import type { UploadPurpose } from '../../../src/contract/uploads';
import { uploadPurposeOf } from '../../../src/contract/uploads';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import type { FileHolder } from '../../repositories/files';
import { uploadedBy } from '../../repositories/files';

/** What takes the files, and where its files are uploaded (src/contract/uploads.ts). */
export type AttachingTo =
  | { readonly kind: 'record'; readonly id: string; readonly pairingId: string }
  | { readonly kind: 'checkIn'; readonly id: string; readonly pairingId: string }
  | { readonly kind: 'plan'; readonly id: string; readonly year: number; readonly subjectId: string };

/** Was the file uploaded for this record's pairing, this check-in's pairing, or this plan? */
function uploadedFor(purpose: UploadPurpose | undefined, holder: AttachingTo): boolean {
  if (purpose === undefined || purpose.kind !== holder.kind) return false;
  if (purpose.kind === 'plan' && holder.kind === 'plan') return purpose.year === holder.year && purpose.subjectId === holder.subjectId;
  return purpose.kind !== 'plan' && holder.kind !== 'plan' && purpose.pairingId === holder.pairingId;
}

/**
 * The attachments a plan, record or check-in may keep: those it already has (a colleague's, say), and
 * new ones the caller uploaded for it that nothing else holds. A fileId from someone else, uploaded
 * for something else (another pairing's record, a check-in, a plan), or held by another record or
 * check-in of the same pairing, is refused, so nobody gets a download link for a file by attaching it
 * to their own. Because a file's folder names what it is for, the only possible other holders are of
 * the same kind in the same place: `holders` are those (`withHolders` of repositories/files), read
 * with the action's other reads through an index, so the check costs no request of its own.
 */
export function requireAttachable(
  caller: Caller,
  holder: AttachingTo,
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
  const misplaced = [...added].find((fileId) => !uploadedFor(uploadPurposeOf(fileId), holder));
  if (misplaced !== undefined) {
    fail('FORBIDDEN', `person ${caller.personId} attached ${misplaced}, not uploaded for ${holder.kind} ${holder.id}`, { field: 'attachments', userMessage: '该文件不是为这里上传的，请重新上传附件' });
  }
  const held = holders.find((other) => added.has(other.fileId) && !(other.kind === holder.kind && other.id === holder.id));
  if (held) {
    fail('FORBIDDEN', `file ${held.fileId} already belongs to ${held.kind} ${held.id}`, { field: 'attachments', userMessage: '该文件已附在其他方案或记录上，请重新上传附件' });
  }
}
