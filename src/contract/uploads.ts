/**
 * Where the mini-program uploads a file, under the person's own folder of cloud storage
 * (`uploads/<owner>/…`): the folder names what the file is for, so a file can only be attached to
 * the thing its folder names, and the check that nothing else holds it looks only there.
 *
 * - a record's photos and files: `records/<pairingId>/<record key>` (补录: `records/<pairingId>/paper`);
 * - a check-in's photo (到访签到): `checkins/<pairingId>`;
 * - a plan's attachments (工作方案): `plans/<year>/<unit or street id>`.
 */

/** The folder for a record's files, e.g. `records/pairing-2026-001/k-abc`. */
export function recordUploadFolder(pairingId: string, recordKey: string): string {
  return `records/${pairingId}/${recordKey}`;
}

/** The folder for a check-in's photo. */
export function checkInUploadFolder(pairingId: string): string {
  return `checkins/${pairingId}`;
}

/** The folder for a year's plan of a unit (or a street's arrangement). */
export function planUploadFolder(year: number, subjectId: string): string {
  return `plans/${year}/${subjectId}`;
}

/** What an uploaded file's folder says it is for (undefined: not an upload, or a folder of no kind). */
export type UploadPurpose =
  | { readonly kind: 'record'; readonly pairingId: string }
  | { readonly kind: 'checkIn'; readonly pairingId: string }
  | { readonly kind: 'plan'; readonly year: number; readonly subjectId: string };

const id = '[\\w-]{1,64}';
const purposes: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => UploadPurpose]> = [
  [new RegExp(`^records/(${id})/`), (match) => ({ kind: 'record', pairingId: match[1]! })],
  [new RegExp(`^checkins/(${id})/`), (match) => ({ kind: 'checkIn', pairingId: match[1]! })],
  [new RegExp(`^plans/(\\d{4})/(${id})/`), (match) => ({ kind: 'plan', year: Number(match[1]), subjectId: match[2]! })],
];

/** The purpose of `cloud://<env>/uploads/<owner>/<folder>/<file>`. */
export function uploadPurposeOf(fileId: string): UploadPurpose | undefined {
  const rest = /^cloud:\/\/[^/]+\/uploads\/[\w-]{1,64}\/(.+)$/.exec(fileId)?.[1];
  if (rest === undefined || rest.split('/').includes('..')) return undefined;
  for (const [pattern, purpose] of purposes) {
    const match = pattern.exec(rest);
    if (match) return purpose(match);
  }
  return undefined;
}
