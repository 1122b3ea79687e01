import { checkInInput } from '../../../src/contract/records';
import { policy } from '../../../src/domain/access/policy';
import { assessCheckIn } from '../../../src/domain/geo/geofence';
import type { CheckInDocument } from '../../db/documents';
import { spotHashOf } from '../../repositories/evidenceHashes';
import { checkInsRepository } from '../../repositories/recordsCheckIns';
import { recordsPairingsRepository } from '../../repositories/recordsPairings';
import { allows } from '../../runtime/access';
import { requireAttachable } from '../../services/files/attachable';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { checkInView } from './recordViews';

/**
 * records.checkIn — one tap at the org's gate records time and place as evidence for a record, by the
 * pairing's unit side (`record.write`). Never refused for distance or accuracy: anomalies are flagged
 * for review. Three database requests: the caller, the pairing with its org (and what holds the photo),
 * the check-in.
 */
export const checkIn = defineAction({
  name: 'records.checkIn',
  input: checkInInput,
  access: ['unitStaff', 'unitHead'],
  async run({ db, caller, now }, input) {
    const found = await recordsPairingsRepository(db).withOrg(input.pairingId, input.photoFileId ? [input.photoFileId] : []);
    if (!found?.org || !allows(caller, policy.record.write, found.pairing)) {
      fail(found ? 'FORBIDDEN' : 'NOT_FOUND', `person ${caller.personId} cannot check in for pairing ${input.pairingId}`, { field: 'pairingId' });
    }
    const { pairing, org } = found;
    const assessment = assessCheckIn({ latitude: input.latitude, longitude: input.longitude, accuracyMetres: input.accuracy }, org.location, org.geofenceMetres);
    const document: CheckInDocument = {
      _id: newToken(),
      pairingId: pairing._id,
      unitId: pairing.unitId,
      orgId: pairing.orgId,
      personId: caller.personId,
      at: now,
      position: { latitude: input.latitude, longitude: input.longitude },
      accuracyMetres: Math.round(input.accuracy),
      distanceMetres: assessment.distanceMetres,
      flags: assessment.flags,
      photoFileId: input.photoFileId ?? null,
      spotHash: spotHashOf(input),
    };
    if (document.photoFileId) requireAttachable(caller, { kind: 'checkIn', id: document._id, pairingId: pairing._id }, [{ fileId: document.photoFileId }], [], found.holders);
    await checkInsRepository(db).insert(document);
    return { checkIn: checkInView({ ...document, id: document._id }) };
  },
});
