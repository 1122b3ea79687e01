import { z } from 'zod';
import type { RecordKind } from '../domain/records/catalog';
import type { ReviewFlag } from '../domain/records/reviewFlags';
import type { RecordState } from '../domain/records/stateMachine';
import type { ListPage } from './fields';
import { listPageFields } from './fields';

/**
 * admin.recordChecks — the year's records in the office's scope that carry review flags (待核查的记录), a
 * page at a time; `reviewed: true` lists those an office has marked reviewed instead (已核查).
 */
export const recordChecksInput = z.object({ ...listPageFields, reviewed: z.boolean({ error: '“已核查”只能是是或否' }).optional() }).strict();

/** An office's review of a record's flags: who, when, the note, and which flags it looked at. */
export interface RecordReviewView {
  readonly at: string;
  readonly byName: string;
  /** The office the review was done as (区委党群共建办, ××街道党群共建办): what the record page shows, never a person's name. */
  readonly byOffice: string;
  readonly note: string;
  readonly flags: readonly ReviewFlag[];
}

export interface RecordCheckView {
  readonly id: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly state: RecordState;
  readonly unitName: string;
  readonly orgName: string;
  /** Why it is to be checked: the check-in's flags and those seen across records (src/domain/records/reviewFlags.ts). */
  readonly flags: readonly ReviewFlag[];
  /** The office's review, if one marked it reviewed (a flag that appears later brings it back to 待核查). */
  readonly review: RecordReviewView | null;
}

export interface RecordChecksView {
  readonly year: number;
  readonly items: readonly RecordCheckView[];
  readonly page: ListPage;
}
