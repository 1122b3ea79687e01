import type { ActionInput } from '../../contract/actions';
import type { Completeness, RecordView } from '../../contract/records';
import { recordProblems } from '../../contract/records';
import type { MassOrganisation } from '../../domain/catalog/organisations';
import { recordKindIds, type ContentArea, type RecordKind } from '../../domain/records/catalog';

/** What the editor holds while a record is written: text as typed, turned into `records.save` input on sending. */
export interface SideForm {
  readonly count: string;
  /** Names as typed, separated by 、，, or spaces. */
  readonly names: string;
  readonly organisations: readonly MassOrganisation[];
}

export interface RecordForm {
  readonly pairingId: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly contentAreas: readonly ContentArea[];
  readonly content: string;
  readonly results: string;
  readonly unit: SideForm;
  readonly org: SideForm;
  readonly attachments: ReadonlyArray<{ readonly fileId: string; readonly name: string }>;
  readonly checkInId?: string;
  /** The joint activity the record writes up; kept as it is when editing. */
  readonly activityId?: string;
}

export type Side = 'unit' | 'org';

/** Form parts that show their own error; anything else is shown above the buttons. */
export type FieldKey = 'kind' | 'date' | 'contentAreas' | 'content' | 'results' | 'participants.unit' | 'participants.org' | 'organisations.unit' | 'organisations.org' | 'attachments';
const fieldKeys: readonly string[] = ['kind', 'date', 'contentAreas', 'content', 'results', 'participants.unit', 'participants.org', 'organisations.unit', 'organisations.org', 'attachments'];

/** The form part an error's `field` path (e.g. `participants.unit.count`) belongs to. */
export function fieldKeyOf(field: string | undefined): FieldKey | undefined {
  if (field === undefined) return undefined;
  const parts = field.split('.');
  const key = parts[0] === 'participants' || parts[0] === 'organisations' ? parts.slice(0, 2).join('.') : parts[0];
  return key !== undefined && fieldKeys.includes(key) ? (key as FieldKey) : undefined;
}

export function isRecordKind(value: string | undefined): value is RecordKind {
  return value !== undefined && (recordKindIds as readonly string[]).includes(value);
}

const emptySide: SideForm = { count: '', names: '', organisations: [] };

export function newForm(pairingId: string, today: string, options: { kind?: RecordKind; checkInId?: string; photo?: string; activityId?: string } = {}): RecordForm {
  return {
    pairingId,
    kind: options.kind ?? 'monthlyVisit',
    date: today,
    contentAreas: [],
    content: '',
    results: '',
    unit: emptySide,
    org: emptySide,
    attachments: options.photo ? [{ fileId: options.photo, name: '签到现场照片' }] : [],
    ...(options.checkInId ? { checkInId: options.checkInId } : {}),
    ...(options.activityId ? { activityId: options.activityId } : {}),
  };
}

/** A check-in (and its photo) joins a draft that was already being written. */
export function withCheckIn(form: RecordForm, checkInId: string | undefined, photo: string | undefined): RecordForm {
  const attachments = photo && !form.attachments.some((item) => item.fileId === photo) ? [...form.attachments, { fileId: photo, name: '签到现场照片' }] : form.attachments;
  return { ...form, ...(checkInId ? { checkInId } : {}), attachments };
}

export function formFromRecord(record: RecordView): RecordForm {
  // A draft keeps an empty count as 0 (no record is complete without someone on each side): show it empty.
  const side = (which: Side): SideForm => ({
    count: record.participants[which].count > 0 ? String(record.participants[which].count) : '',
    names: record.participants[which].names.join('、'),
    organisations: record.organisations[which],
  });
  return {
    pairingId: record.pairingId,
    kind: record.kind,
    date: record.date,
    contentAreas: record.contentAreas,
    content: record.content,
    results: record.results,
    unit: side('unit'),
    org: side('org'),
    attachments: record.attachments,
    ...(record.checkIn ? { checkInId: record.checkIn.id } : {}),
    ...(record.activityId ? { activityId: record.activityId } : {}),
  };
}

function namesOf(text: string): string[] {
  return text
    .split(/[、，,;；\s]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** An empty count is `null` (not filled in yet); one that is not a whole number is NaN, which the rules name. */
function countOf(text: string): number | null {
  if (text.trim() === '') return null;
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function toSaveInput(form: RecordForm, clientKey: string): ActionInput<'records.save'> {
  const side = (which: Side) => ({ count: countOf(form[which].count), names: namesOf(form[which].names) });
  return {
    clientKey,
    pairingId: form.pairingId,
    kind: form.kind,
    date: form.date,
    contentAreas: [...form.contentAreas],
    content: form.content,
    results: form.results,
    participants: { unit: side('unit'), org: side('org') },
    organisations: { unit: [...form.unit.organisations], org: [...form.org.organisations] },
    attachments: form.attachments.map((item) => ({ ...item })),
    ...(form.checkInId ? { checkInId: form.checkInId } : {}),
    ...(form.activityId ? { activityId: form.activityId } : {}),
  };
}

export interface FormProblems {
  /** Problems next to their field, the first for each. */
  readonly fieldErrors: Partial<Record<FieldKey, string>>;
  /** Problems of no field the form shows (shown at the button). */
  readonly other: readonly string[];
}

/** Every problem of the form under the contract's record rules (the same the server applies), placed by field. */
export function formProblems(form: RecordForm, clientKey: string, mode: Completeness): FormProblems {
  const fieldErrors: Partial<Record<FieldKey, string>> = {};
  const other: string[] = [];
  for (const problem of recordProblems(toSaveInput(form, clientKey), mode)) {
    const key = fieldKeyOf(problem.field);
    if (key === undefined) other.push(problem.message);
    else fieldErrors[key] ??= problem.message;
  }
  return { fieldErrors, other };
}

export function hasProblems(problems: FormProblems): boolean {
  return problems.other.length > 0 || Object.keys(problems.fieldErrors).length > 0;
}

export function toggle<T>(items: readonly T[], item: T): T[] {
  return items.includes(item) ? items.filter((existing) => existing !== item) : [...items, item];
}
