import { createHmac, timingSafeEqual } from 'node:crypto';
import { checkCharsOf, composeBallotCode, normaliseBallotCode, splitBallotCode } from '../../../src/domain/surveys/ballotCodes';
import { surveySecret } from './surveySecret';

/**
 * Keyed hashes of the surveys (secret: surveySecret.ts). Even with the secret and the database
 * together, one can tell only *whether* somebody answered, never *what*: answers are kept as
 * tallies with no link to the ballots (README 评议 → 匿名设计).
 */
function mac(purpose: string, message: string): Buffer {
  return createHmac('sha256', surveySecret()).update(`${purpose}\n${message}`).digest();
}

/** The `_id` of a ballot document: 43 URL-safe characters, the same for the same material. */
export function onceOnlyKey(material: string): string {
  return mac('once-only', material).toString('base64url');
}

/**
 * What a once-only key document keeps of the submission that used it: a keyed hash of the key and
 * the submission token the client chose, so that the same submission sent again is recognised as
 * already counted, and any other is not. The token exists nowhere else on the server.
 */
export function submissionReceipt(key: string, submission: string): string {
  return mac('receipt', `${key}|${submission}`).toString('base64url');
}

/**
 * The `_id` of a group's entry in a round, which is its link's token: unguessable without the secret
 * (128 bits, 22 URL-safe characters, so it fits a mini-program code's 32-character scene) and the same
 * every time, so an entry written twice (two offices completing a round at once) collides instead of
 * making a second ballot box.
 */
export function entryToken(roundId: string, pairingId: string, group: string): string {
  return mac('entry', `${roundId}|${pairingId}|${group}`).subarray(0, 16).toString('base64url');
}

/** The ballot code number `index` of an entry (a group of a pairing in a round). */
export function ballotCodeFor(entryId: string, index: number): string {
  return composeBallotCode(index, checkCharsOf(mac('ballot-code', `${entryId}|${index}`)));
}

/** The normalised code when it is a genuine code of this entry, else undefined (typo, tampered, another group's). */
export function verifiedBallotCode(entryId: string, raw: string): string | undefined {
  const code = normaliseBallotCode(raw);
  const parts = code === undefined ? undefined : splitBallotCode(code);
  if (code === undefined || parts === undefined) return undefined;
  const expected = Buffer.from(ballotCodeFor(entryId, parts.index));
  const given = Buffer.from(code);
  return expected.length === given.length && timingSafeEqual(expected, given) ? code : undefined;
}
