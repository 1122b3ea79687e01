import type { PairingSummary } from '../../../src/contract/admin';
import type { PairingDocument } from '../../db/documents';

export function toPairingSummary(pairing: PairingDocument): PairingSummary {
  return { id: pairing._id, unitId: pairing.unitId, unitName: pairing.unitName, orgId: pairing.orgId, orgName: pairing.orgName, year: pairing.year, startDate: pairing.startDate, endDate: pairing.endDate, arrangedBy: pairing.arrangedBy };
}
