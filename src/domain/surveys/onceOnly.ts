/**
 * One response per person per round and pairing (the org evaluating its paired unit), whatever the
 * group they answer in. A person is known by their WeChat identity or by a one-time ballot code; an
 * answer given with a ballot code inside WeChat uses up both. The server turns each material into a
 * keyed hash (HMAC) and stores only the hash, as the `_id` of a ballot document kept apart from the
 * answers: inserting it fails as a duplicate on a second attempt.
 */
export interface Respondent {
  readonly openid?: string;
  /** Normalised (see ballotCodes.ts). */
  readonly ballotCode?: string;
}

export function onceOnlyMaterials(roundId: string, pairingId: string, respondent: Respondent): string[] {
  const materials: string[] = [];
  if (respondent.openid) materials.push(`${roundId}|${pairingId}|wx|${respondent.openid}`);
  if (respondent.ballotCode) materials.push(`${roundId}|${pairingId}|code|${respondent.ballotCode}`);
  return materials;
}

export type OnceOnlyDecision = 'accept' | 'alreadyCounted' | 'noIdentity';

/** The rule itself: an answer is taken when it names somebody and none of its keys was used before. */
export function onceOnlyDecision(keys: readonly string[], used: ReadonlySet<string>): OnceOnlyDecision {
  if (keys.length === 0) return 'noIdentity';
  return keys.some((key) => used.has(key)) ? 'alreadyCounted' : 'accept';
}
