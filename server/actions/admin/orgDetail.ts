import { orgRefInput } from '../../../src/contract/admin';
import type { OrgDetail } from '../../../src/contract/admin';
import { canViewOrg, managesStreet, policy } from '../../../src/domain/access/policy';
import { byRecency } from '../../../src/domain/admin/pairingOrder';
import { streetChoices, streetNamer } from '../../../src/domain/admin/streetNames';
import type { OrgRecord } from '../../db/adminDocuments';
import type { PairingDocument } from '../../db/documents';
import { streetsRepository } from '../../repositories/adminStreets';
import { pairingsRepository } from '../../repositories/pairings';
import { allows, subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { orgOrFail } from './entityOrFail';
import { peopleOfScope } from './peopleOfScope';
import { refuseOnOrg } from './refusals';
import { toOrgView } from './toOrgView';
import { toPairingSummary } from './toPairingSummary';

/**
 * An org with its pairings, the streets it may be moved to and what the caller may do with it (its
 * leader: details and people, not its name); its people for those who may edit its details. Everything
 * its screen shows, in one round of parallel reads.
 */
export async function orgDetailOf(db: CloudDatabase, caller: Caller, org: OrgRecord, pairings?: PairingDocument[]): Promise<OrgDetail> {
  const canManage = allows(caller, policy.org.manage, org);
  const canEditDetails = allows(caller, policy.org.editDetails, org);
  const [streets, ofOrg, people] = await Promise.all([streetsRepository(db).all(), pairings ?? pairingsRepository(db).ofOrg(org._id), canEditDetails ? peopleOfScope(db, 'org', org._id) : null]);
  const subject = subjectOfCaller(caller);
  return {
    org: toOrgView(org, streetNamer(streets)),
    pairings: ofOrg.sort(byRecency).map(toPairingSummary),
    canManage,
    canEditDetails,
    canManagePeople: canEditDetails,
    streets: streetChoices(streets, org.streetId, canManage ? (streetId) => managesStreet(subject, streetId) : null),
    people,
  };
}

/** admin.org — an org, its pairings, and what the caller may do (its paired unit may look, not change). */
export const org = defineAction({
  name: 'admin.org',
  input: orgRefInput,
  access: 'person',
  async run({ db, caller }, input) {
    const [found, pairings] = await Promise.all([orgOrFail(db, input.orgId), pairingsRepository(db).ofOrg(input.orgId)]);
    if (!canViewOrg(subjectOfCaller(caller), found, pairings)) refuseOnOrg(caller, found._id, `view org ${found._id}`);
    return orgDetailOf(db, caller, found, pairings);
  },
});
