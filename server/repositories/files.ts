import type { AggregateChain } from '../db/collection';
import type { CollectionName } from '../db/collections';
import { pipeline } from '../db/commands';
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

type Attaching = { readonly _id: string; readonly attachments: ReadonlyArray<{ readonly fileId: string }> };

/** What a read joined with `withHolders` carries besides its own document: the records or check-ins holding one of the files. */
export interface JoinedHolders {
  readonly heldByRecords?: readonly Attaching[];
  readonly heldByCheckIns?: ReadonlyArray<{ readonly _id: string; readonly photoFileId: string | null }>;
}

/**
 * Where files being attached might already be held. A file's folder names what it is for
 * (src/contract/uploads.ts), and only a file uploaded for it may be attached, so a record's files can
 * only be held by records of the same pairing, a check-in's photo only by check-ins of the same
 * pairing, and a plan's files by that plan alone (no join).
 */
export interface HolderScope {
  readonly kind: 'record' | 'checkIn';
  readonly pairingId: string;
  readonly fileIds: readonly string[];
}

/**
 * Joins to an aggregate that is read anyway the records (or check-ins) of the pairing holding one of
 * these files, so checking that a file is attached to nothing else costs no request of its own, and
 * reads only that pairing's documents (through the `pairingId` index), never the whole collection.
 * The join is an uncorrelated `$lookup` (from, pipeline, as; no let), WeChat's second form of
 * Aggregate.lookup, and lands on every document of the aggregate: join it where one document comes
 * out. No files, no join.
 */
export function withHolders(db: CloudDatabase, chain: AggregateChain, scope: HolderScope): AggregateChain {
  if (scope.fileIds.length === 0) return chain;
  const among = db.command.in([...new Set(scope.fileIds)]);
  const held = (from: CollectionName, match: object, fields: Record<string, 1>, as: keyof JoinedHolders) => ({ from, pipeline: pipeline(db).match(match).project(fields).done(), as });
  return scope.kind === 'record'
    ? chain.lookup(held('records', { pairingId: scope.pairingId, 'attachments.fileId': among }, { _id: 1, attachments: 1 }, 'heldByRecords'))
    : chain.lookup(held('checkIns', { pairingId: scope.pairingId, photoFileId: among }, { _id: 1, photoFileId: 1 }, 'heldByCheckIns'));
}

/** The holders of these files among what `withHolders` joined. */
export function holdersIn(joined: JoinedHolders, fileIds: readonly string[]): FileHolder[] {
  const wanted = new Set(fileIds);
  const attached = (kind: FileHolder['kind'], docs: readonly Attaching[] = []) =>
    docs.flatMap((doc) => doc.attachments.filter((item) => wanted.has(item.fileId)).map((item) => ({ fileId: item.fileId, kind, id: doc._id })));
  return [
    ...attached('record', joined.heldByRecords),
    ...(joined.heldByCheckIns ?? []).flatMap((doc) => (doc.photoFileId && wanted.has(doc.photoFileId) ? [{ fileId: doc.photoFileId, kind: 'checkIn' as const, id: doc._id }] : [])),
  ];
}

/** A document read with `withHolders`, without what the joins added. */
export function withoutHolders<T extends JoinedHolders>(joined: T): Omit<T, keyof JoinedHolders> {
  const { heldByRecords: _r, heldByCheckIns: _c, ...rest } = joined;
  return rest;
}
