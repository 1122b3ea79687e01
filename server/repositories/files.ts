import { Collection } from '../db/collection';
import type { CloudDatabase } from '../runtime/cloud';

/**
 * Uploaded files and what holds them. People upload into their own folder of cloud storage,
 * `uploads/<owner>/…` (the local server puts every upload under `uploads/<openid>/`; the
 * mini-program uploads under `uploads/<personId>/`), so a fileId names its uploader; a file is
 * attached to one thing only (a plan, a record, a check-in).
 */

const uploadOwner = /^cloud:\/\/[^/]+\/uploads\/([\w-]{1,64})\//;

/** The folder owner a fileId was uploaded by, or undefined when it is no person's upload. */
export function uploaderOf(fileId: string): string | undefined {
  return uploadOwner.exec(fileId)?.[1];
}

/** Did this person upload the file (by their openid or their person id)? */
export function uploadedBy(fileId: string, person: { readonly openid: string; readonly personId: string }): boolean {
  const owner = uploaderOf(fileId);
  return owner !== undefined && (owner === person.openid || owner === person.personId);
}

export interface FileHolder {
  readonly fileId: string;
  readonly kind: 'plan' | 'record' | 'checkIn';
  readonly id: string;
}

export function filesRepository(db: CloudDatabase) {
  const _ = db.command;
  const plans = new Collection<{ _id: string; attachments: ReadonlyArray<{ fileId: string }> }>(db, 'workPlans');
  const records = new Collection<{ _id: string; attachments: ReadonlyArray<{ fileId: string }> }>(db, 'records');
  const checkIns = new Collection<{ _id: string; photoFileId: string | null }>(db, 'checkIns');
  return {
    /** Everything that already holds one of these files. */
    async holders(fileIds: readonly string[]): Promise<FileHolder[]> {
      if (fileIds.length === 0) return [];
      const wanted = new Set(fileIds);
      const among = _.in([...wanted]);
      const [inPlans, inRecords, inCheckIns] = await Promise.all([
        plans.findEvery({ 'attachments.fileId': among }, { fields: { _id: 1, attachments: 1 } }),
        records.findEvery({ 'attachments.fileId': among }, { fields: { _id: 1, attachments: 1 } }),
        checkIns.findEvery({ photoFileId: among }, { fields: { _id: 1, photoFileId: 1 } }),
      ]);
      const attached = (kind: FileHolder['kind'], docs: ReadonlyArray<{ _id: string; attachments: ReadonlyArray<{ fileId: string }> }>) =>
        docs.flatMap((doc) => doc.attachments.filter((item) => wanted.has(item.fileId)).map((item) => ({ fileId: item.fileId, kind, id: doc._id })));
      return [
        ...attached('plan', inPlans),
        ...attached('record', inRecords),
        ...inCheckIns.flatMap((doc) => (doc.photoFileId && wanted.has(doc.photoFileId) ? [{ fileId: doc.photoFileId, kind: 'checkIn' as const, id: doc._id }] : [])),
      ];
    },
  };
}
