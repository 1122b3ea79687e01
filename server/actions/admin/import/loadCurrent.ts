import type { ImportCurrent } from '../../../../src/domain/admin/importTypes';
import type { PairingDocument, StreetDocument } from '../../../db/documents';
import type { OrgRecord, UnitRecord } from '../../../db/adminDocuments';
import { findAll } from '../../../db/ops';
import { findEvery } from '../../../db/paginate';
import type { CloudDatabase } from '../../../runtime/cloud';

/**
 * Everything the dry run compares the table with: all streets, units and orgs (to match names and
 * codes, and to tell an out-of-scope entity from a new one) and all pairings (renames reach every
 * year's copies). A few requests of 1000 documents each.
 */
export async function loadCurrent(db: CloudDatabase): Promise<ImportCurrent> {
  const [streets, units, orgs, pairings] = await Promise.all([
    findAll<StreetDocument>(db.collection('streets').limit(1000)),
    findEvery<UnitRecord>(db.collection('units').orderBy('_id', 'asc')),
    findEvery<OrgRecord>(db.collection('orgs').orderBy('_id', 'asc')),
    findEvery<PairingDocument>(db.collection('pairings').orderBy('_id', 'asc')),
  ]);
  // The documents as the domain reads them: known fields plus whatever else they carry.
  return { streets, units: units as unknown as ImportCurrent['units'], orgs: orgs as unknown as ImportCurrent['orgs'], pairings: pairings as unknown as ImportCurrent['pairings'] };
}
