import { createHmac, timingSafeEqual } from 'node:crypto';
import { checkCharsOf, composeBallotCode, normaliseBallotCode, splitBallotCode } from '../../../src/domain/surveys/ballotCodes';

/**
 * The survey secret keys the once-only hashes and the ballot codes. Set `GJ_SURVEY_SECRET` (a long
 * random string) in the cloud function's environment; locally a fixed default is used. Even with the
 * secret and the database together, one can tell only *whether* somebody answered, never *what*:
 * answers are kept as tallies with no link to the ballots.
 */
const LOCAL_DEFAULT_SECRET = 'gongjian-local-survey-secret';

function secret(): string {
  return process.env.GJ_SURVEY_SECRET || LOCAL_DEFAULT_SECRET;
}

function mac(purpose: string, message: string): Buffer {
  return createHmac('sha256', secret()).update(`${purpose}\n${message}`).digest();
}

/** The `_id` of a ballot document: 43 URL-safe characters, the same for the same material. */
export function onceOnlyKey(material: string): string {
  return mac('once-only', material).toString('base64url');
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
