import { z } from 'zod';
import { chinaDateField, idField, latitudeField, longitudeField, textField } from './fields';

/** 一季一活动: a joint activity posted ahead so both sides see it; participants check in at the venue. */
const timeField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
export const postActivityInput = z.object({
  pairingId: idField,
  title: textField('活动名称', 40),
  date: chinaDateField,
  startTime: timeField,
  place: textField('活动地点', 100),
  agenda: textField('活动安排', 1000),
});
export const activityRefInput = z.object({ activityId: idField });
export const listActivitiesInput = z.object({ pairingId: idField.optional() });
/** A phone's position, when the person allowed it: optional evidence, never required to take part. */
const positionField = z.object({ latitude: latitudeField, longitude: longitudeField, accuracy: z.number().finite().min(0).max(100_000) });
/** The organiser's phone may send where it shows the code (the venue), once, with the first code of the day. */
export const venueCodeInput = z.object({ activityId: idField, withQrImage: z.boolean().default(false), position: positionField.optional() });
export const attendInput = z.object({ activityId: idField, code: z.string().regex(/^[A-Z2-7]{6}$/, '签到码无效'), position: positionField.optional() });

/** The side of a pairing a participant comes from: the unit or the org. */
export type PairingSide = 'unit' | 'org';

export interface AttendanceView {
  readonly name: string;
  readonly side: PairingSide;
  readonly at: string;
  /** For the organiser and the offices only: review flags of the scan (Chinese labels), its distance from the venue, and how late it was when flagged late. */
  readonly review?: { readonly flags: readonly string[]; readonly distance: string | null; readonly late?: string };
}

/** activities.list: the activities, and the pairings the caller may post one for (the unit side's running pairings of the year). */
export interface ActivityListView {
  readonly items: readonly ActivityView[];
  readonly postable: ReadonlyArray<{ readonly pairingId: string; readonly unitName: string; readonly orgName: string }>;
}

export interface ActivityView {
  readonly id: string;
  readonly pairingId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly title: string;
  readonly date: string;
  readonly startTime: string;
  readonly place: string;
  readonly agenda: string;
  readonly organiserName: string;
  readonly attendance: readonly AttendanceView[];
  /** Whether the caller organises it (shows the venue code, writes the record). */
  readonly organiser: boolean;
  readonly recordId: string | null;
}

export interface VenueCodeView {
  readonly code: string;
  /** Mini-program page to scan into, with the scene. */
  readonly path: string;
  readonly secondsLeft: number;
  readonly qrImage?: string;
}
