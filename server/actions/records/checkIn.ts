import { checkInInput } from '../../../src/contract/records';
import { isUnitSideOf } from '../../../src/domain/access/scope';
import { assessCheckIn } from '../../../src/domain/geo/geofence';
import type { CheckInDocument, OrgDocument, PairingDocument } from '../../db/documents';
import { aggregateAll, insert } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { checkInView } from './views';

/**
 * records.checkIn — one tap at the org's gate records time and place as evidence for a record.
 * Never refused for distance or accuracy: anomalies are flagged for review. Three database requests:
 * the caller, the pairing with its org, the check-in.
 */
export const checkIn = defineAction({
  name: 'records.checkIn',
  input: checkInInput,
  access: ['unitStaff', 'unitHead'],
  async run({ db, caller, now }, input) {
    const [pairing] = await aggregateAll<PairingDocument & { org: OrgDocument[] }>(
      db.collection('pairings').aggregate().match({ _id: input.pairingId }).lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' }),
    );
    const org = pairing?.org[0];
    if (!pairing || !org || !isUnitSideOf(caller.grants, pairing)) {
      fail(pairing ? 'FORBIDDEN' : 'NOT_FOUND', `person ${caller.personId} cannot check in for pairing ${input.pairingId}`, { field: 'pairingId' });
    }
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
    };
    await insert(db.collection('checkIns'), document);
    return { checkIn: checkInView({ ...document, id: document._id }) };
  },
});
