import type { RoundScope } from '../../src/domain/surveys/round';
import { Collection } from '../db/collection';
import type { PairingDocument, StreetDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

/** What a round's scope reaches, read by the surveys function: its street and the pairings it may be sent to. */
export function surveyScopeRepository(db: CloudDatabase) {
  const pairings = new Collection<PairingDocument>(db, 'pairings');
  const streets = new Collection<StreetDocument>(db, 'streets');
  const _ = db.command;

  return {
    street(streetId: string): Promise<StreetDocument | undefined> {
      return streets.byId(streetId);
    },

    /**
     * The year's pairings a round of this scope may reach: all of them for the district, those whose
     * org or unit is in the street otherwise (src/domain/surveys/round.ts `pairingInScope` decides).
     */
    pairingsOfYear(year: number, scope: RoundScope): Promise<PairingDocument[]> {
      const where = scope.type === 'district' ? { year } : _.and([{ year }, _.or([{ streetId: scope.streetId }, { unitStreetId: scope.streetId }])]);
      return pairings.wholeEvery(where);
    },

    pairingsByIds(pairingIds: readonly string[]): Promise<PairingDocument[]> {
      return pairings.wholeEvery({ _id: _.in([...pairingIds]) });
    },
  };
}
