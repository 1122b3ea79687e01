import { z } from 'zod';
import type { CheckInFlag } from '../domain/geo/geofence';
import type { RecordKind } from '../domain/records/catalog';
import type { RecordState } from '../domain/records/stateMachine';
import type { ListPage } from './fields';
import { listPageFields } from './fields';

/** admin.recordChecks — the year's records in the office's scope that carry review flags (待核查的记录), a page at a time. */
export const recordChecksInput = z.object({ ...listPageFields }).strict();

export interface RecordCheckView {
  readonly id: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly state: RecordState;
  readonly unitName: string;
  readonly orgName: string;
  /** Why it is to be checked (the check-in's flags). */
  readonly flags: readonly CheckInFlag[];
}

export interface RecordChecksView {
  readonly year: number;
  readonly items: readonly RecordCheckView[];
  readonly page: ListPage;
}
