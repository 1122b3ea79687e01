import type { SurveyForm } from '../../../src/domain/surveys/form';
import type { RespondentGroup } from '../../../src/domain/surveys/groups';
import type { EntryWithoutTally } from '../../repositories/surveyEntries';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import type { CloudDatabase } from '../../runtime/cloud';

/**
 * What an answer needs to know about its entry, kept by the function instance between calls.
 * Only facts that never change while an entry is open are kept (the frozen form, the pairing, the
 * group, the end time); whether it is still open, and whether ballot codes became required, are
 * read again inside the answer's own transaction. So a stale entry here can never let an answer in
 * that the database would refuse.
 */
export interface OpenEntry {
  readonly id: string;
  readonly roundId: string;
  readonly roundLabel: string;
  readonly pairingId: string;
  readonly unitId: string;
  readonly group: RespondentGroup;
  readonly form: SurveyForm;
  readonly endDate: string;
  readonly endsAt: number;
  /** Once true it stays true (codes are never withdrawn), so a cached true is always right. */
  readonly codesRequired: boolean;
}

const MAX_CACHED = 2000;
const cache = new Map<string, OpenEntry>();

export type EntryLookup = { readonly kind: 'open'; readonly entry: OpenEntry } | { readonly kind: 'closed'; readonly entry: EntryWithoutTally } | { readonly kind: 'missing' };

export function rememberOpenEntry(document: EntryWithoutTally): OpenEntry {
  const entry: OpenEntry = {
    id: document._id,
    roundId: document.roundId,
    roundLabel: document.roundLabel,
    pairingId: document.pairingId,
    unitId: document.unitId,
    group: document.group,
    form: document.form,
    endDate: document.endDate,
    endsAt: new Date(document.endsAt).getTime(),
    codesRequired: document.codesRequired,
  };
  if (document.state !== 'open') return entry;
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(entry.id, entry);
  return entry;
}

export async function lookUpEntry(db: CloudDatabase, token: string, options: { fresh?: boolean } = {}): Promise<EntryLookup> {
  const cached = options.fresh ? undefined : cache.get(token);
  if (cached) return { kind: 'open', entry: cached };
  const document = await surveyEntriesRepository(db).withoutTally(token);
  if (!document) return { kind: 'missing' };
  if (document.state !== 'open') return { kind: 'closed', entry: document };
  return { kind: 'open', entry: rememberOpenEntry(document) };
}

/** An office ended the round: this instance stops relying on its entries at once. */
export function forgetOpenEntries(roundId: string): void {
  for (const [id, entry] of cache) if (entry.roundId === roundId) cache.delete(id);
}
