import type { ImportCurrent, OrgRow, PairingRow, UnitRow } from '../../../../src/domain/admin/importTypes';
import { streetsRepository } from '../../../repositories/adminStreets';
import { orgsRepository } from '../../../repositories/orgs';
import { pairingsRepository } from '../../../repositories/pairings';
import { unitsRepository } from '../../../repositories/units';
import type { CloudDatabase } from '../../../runtime/cloud';

/**
 * Everything the dry run compares the table with (and the export writes out): all streets, units and
 * orgs (to match names and codes, and to tell an out-of-scope entity from a new one) and all pairings
 * (renames reach every year's copies), as the domain reads them: known fields plus whatever else
 * they carry. A few requests of 1000 documents each.
 */
export async function currentTable(db: CloudDatabase): Promise<ImportCurrent> {
  const [streets, units, orgs, pairings] = await Promise.all([
    streetsRepository(db).all(),
    unitsRepository(db).every<UnitRow>(),
    orgsRepository(db).every<OrgRow>(),
    pairingsRepository(db).every<PairingRow>(),
  ]);
  return { streets, units, orgs, pairings };
}
