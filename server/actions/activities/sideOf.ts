import type { PairingSide } from '../../../src/contract/activities';
import type { PairingPlace } from '../../../src/domain/access/policy';
import { policy } from '../../../src/domain/access/policy';
import { allows } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { onceApproved } from '../../services/records/onceApproved';

/**
 * The side of the pairing the caller takes part for: the unit side (who writes the pairing's
 * records, `record.write`) or the org side (its party leader, `record.confirm`, approved or still
 * waiting for approval); null when neither.
 */
export function sideOf(caller: Pick<Caller, 'grants'>, activity: PairingPlace): PairingSide | null {
  if (allows(caller, policy.record.write, activity)) return 'unit';
  if (allows(caller, policy.record.confirm, activity) || allows(onceApproved(caller), policy.record.confirm, activity)) return 'org';
  return null;
}
