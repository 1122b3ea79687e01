import type { PairingPlace } from '../../../src/domain/access/policy';
import { can, isOffice, managesStreet, policy } from '../../../src/domain/access/policy';
import { subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';

/**
 * What an office looks at: the whole district (区委党群共建办), or streets — a street office's own, or
 * the one street an office chose. Which pairings are in it is the policy's `pairing.office` rule;
 * choosing a street only narrows that to the pairings touching the street (the org's or the unit's).
 */
export type OfficeScope = ({ readonly kind: 'district' } | { readonly kind: 'street'; readonly streetIds: readonly string[] }) & {
  readonly includes: (pairing: PairingPlace) => boolean;
};

const touches = (pairing: Pick<PairingPlace, 'streetId' | 'unitStreetId'>, streetId: string) => pairing.streetId === streetId || pairing.unitStreetId === streetId;

/** The caller's office scope, narrowed to `streetId` when given; fails for anyone not an office over it. */
export function officeScopeOf(caller: Caller, streetId?: string): OfficeScope {
  const subject = subjectOfCaller(caller);
  if (!isOffice(subject)) fail('FORBIDDEN', `person ${caller.personId} is not an office`, { userMessage: '此功能供街道和区委党群共建办使用' });
  if (streetId !== undefined && !managesStreet(subject, streetId)) {
    fail('FORBIDDEN', `person ${caller.personId} is not the office of ${streetId}`, { field: 'streetId', userMessage: '只能查看本街道的数据' });
  }
  const over = (pairing: PairingPlace) => can(subject, policy.pairing.office, pairing);
  if (streetId !== undefined) return { kind: 'street', streetIds: [streetId], includes: (pairing) => over(pairing) && touches(pairing, streetId) };
  return subject.district ? { kind: 'district', includes: over } : { kind: 'street', streetIds: subject.streetIds, includes: over };
}

/** The district office's name as its grant says (区委党群共建办 of which district). */
export function districtName(caller: Caller): string {
  return caller.grants.find((grant) => grant.role === 'districtOffice')?.scopeName ?? '全区';
}
