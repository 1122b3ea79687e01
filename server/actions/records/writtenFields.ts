import type { RecordDocument } from '../../db/documents';

/** What a record says — the fields its author writes — as stored; the views, the rules and the revision snapshots read the same set. */
export function writtenFields(record: RecordDocument) {
  return {
    kind: record.kind,
    date: record.date,
    contentAreas: record.contentAreas,
    content: record.content,
    results: record.results,
    participants: record.participants,
    organisations: record.organisations,
    attachments: record.attachments,
  };
}
