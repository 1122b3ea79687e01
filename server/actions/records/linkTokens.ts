import { createHash } from 'node:crypto';
import { newToken } from '../../runtime/tokens';

/**
 * Confirm link tokens that name their record. Every token of a record starts with the same short key
 * (`linkKey`, indexed on the record), so any link the record ever had — the current one or one a
 * revision or a withdrawal left behind — finds it in one indexed read, and leaving a link behind is
 * part of the record's own update (no second write, see supersededLink.ts).
 *
 * A token is the key (8 characters of the record id's SHA-256) and 22 random characters (128 bits):
 * 30 characters, within a mini-program code's 32-character scene and the contract's `[\w-]{16,32}`.
 * Links made before keys are 22 random characters and carry none.
 */
const LINK_KEY_LENGTH = 8;
const KEYED_TOKEN_LENGTH = LINK_KEY_LENGTH + newToken().length;

/** The key every confirm link of this record starts with. */
export function linkKeyOf(recordId: string): string {
  return createHash('sha256').update(recordId).digest('base64url').slice(0, LINK_KEY_LENGTH);
}

/** A new confirm link's token for this record. */
export function newConfirmTokenId(recordId: string): string {
  return linkKeyOf(recordId) + newToken();
}

/** The record key a token carries, or undefined for a link made before keys. */
export function linkKeyIn(token: string): string | undefined {
  return token.length === KEYED_TOKEN_LENGTH ? token.slice(0, LINK_KEY_LENGTH) : undefined;
}
