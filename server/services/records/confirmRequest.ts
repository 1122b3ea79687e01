import { linkedPages } from '../../../src/contract/pages';
import type { ConfirmLink } from '../../../src/contract/records';
import type { RecordKind } from '../../../src/domain/records/catalog';
import { recordKinds } from '../../../src/domain/records/catalog';
import type { Message } from '../../messaging/send';
import type { MessageTemplate } from '../../messaging/templates';
import type { templates } from '../../messaging/templates';

/**
 * The confirm-request message (待确认提醒) to an org's party leader, and the links to the confirm
 * page: built here only, for records.submit and for the daily reminder timer.
 *
 * The confirm page opens in two ways, on purpose:
 *  - by the link's token (`?t=`): the link made when the record is submitted — the share card, the QR
 *    code and the message sent then. Holding it is enough to reach the record; it is single-use and
 *    expires after CONFIRM_LINK_DAYS, and a new submission replaces it.
 *  - by the record's id (`?id=`): the reminder the timer sends days later to an approved leader, who
 *    opens the record within their own scope. It keeps working after the link has expired, and the
 *    timer never handles the tokens.
 */
export type ConfirmOpening = { readonly token: string } | { readonly recordId: string };

/** A confirm link stays valid for 14 days; a new submission issues a new one. */
export const CONFIRM_LINK_DAYS = 14;

type FieldOf<T> = T extends MessageTemplate<infer F> ? F : never;
export type ConfirmRequestField = FieldOf<typeof templates.confirmRequest>;

function queryOf(opening: ConfirmOpening): Record<string, string> {
  return 'token' in opening ? { t: opening.token } : { id: opening.recordId };
}

/** The confirm page with its query, as WeChat wants it (no leading slash); the same text `sendMessage` makes. */
export function confirmPagePath(opening: ConfirmOpening): string {
  const query = Object.entries(queryOf(opening)).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return `${linkedPages.confirm}?${query.join('&')}`;
}

/** The confirm link of a submission: for the share card, the QR code (its scene is the token) and the message. */
export function confirmLinkOf(token: string, expiresAt: Date): ConfirmLink {
  return { token, path: confirmPagePath({ token }), expiresAt: expiresAt.toISOString() };
}

/** Why the message is sent, as its 备注 says it. */
const notes = {
  submitted: '请确认或提出异议',
  stillWaiting: '已等待三天以上，请确认',
} as const;

export interface ConfirmRequestRecord {
  readonly kind: RecordKind;
  readonly unitName: string;
  /** The day the work took place. */
  readonly date: string;
}

/** The one confirm-request message: 事项 the record's kind, 单位 the unit, 日期 the record's date, 备注 why. */
export function confirmRequestMessage(to: string, record: ConfirmRequestRecord, opening: ConfirmOpening, why: keyof typeof notes): Message<ConfirmRequestField> {
  return {
    to,
    query: queryOf(opening),
    values: { thing1: recordKinds[record.kind], thing2: record.unitName, date3: record.date, thing4: notes[why] },
  };
}
