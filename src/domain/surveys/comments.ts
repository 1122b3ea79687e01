/**
 * Comments (意见建议) are free text, so they are cleaned before they are stored: invisible and control
 * characters go, whitespace is collapsed, and numbers that identify people (mobile numbers, ID card
 * numbers) and e-mail addresses are masked. Comments carry no time and no identity at all; they are
 * shown under their round only (e.g. 2026年年中评议), in an order that says nothing about when they came.
 */
export const COMMENT_MAX = 300;
export const MASK = '＊＊＊';

const invisible = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
// No lookbehind: older phone JavaScript engines reject it. The boundary is captured and put back instead.
const idCard = /(^|[^\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const mobile = /(^|\D)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g;
const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function sanitiseComment(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(invisible, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(idCard, (_match, before: string) => `${before}${MASK}`)
    .replace(mobile, (_match, before: string) => `${before}${MASK}`)
    .replace(email, MASK);
}

/** Why a comment cannot be taken (Chinese), or undefined. Counted in characters as people see them. */
export function commentProblem(sanitised: string): string | undefined {
  return [...sanitised].length > COMMENT_MAX ? `意见建议不能超过 ${COMMENT_MAX} 字` : undefined;
}

/** Comments in a stable order that depends only on their text (never on when they were written). */
export function commentsForDisplay(comments: readonly string[]): string[] {
  return [...comments].filter((comment) => comment !== '').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
