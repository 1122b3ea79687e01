import { orgRefInput } from '../../../src/contract/admin';
import type { OrgDetail } from '../../../src/contract/admin';
import { canViewOrg, policy } from '../../../src/domain/access/policy';
import { byRecency } from '../../../src/domain/admin/pairingOrder';
import { streetNamer } from '../../../src/domain/admin/streetNames';
import type { OrgRecord } from '../../db/adminDocuments';
import type { PairingDocument } from '../../db/documents';
import { streetsRepository } from '../../repositories/adminStreets';
import { pairingsRepository } from '../../repositories/pairings';
import { allows, subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { orgOrFail } from './entityOrFail';
import { refuseOnOrg } from './refusals';
import { toOrgView } from './toOrgView';
import { toPairingSummary } from './toPairingSummary';

/** An org with its pairings and what the caller may do with it (its leader: details and people, not its name). */
export async function orgDetailOf(db: CloudDatabase, caller: Caller, org: OrgRecord, pairings?: PairingDocument[]): Promise<OrgDetail> {
  const streetName = streetNamer(await streetsRepository(db).all());
  return {
    org: toOrgView(org, streetName),
    pairings: (pairings ?? (await pairingsRepository(db).ofOrg(org._id))).sort(byRecency).map(toPairingSummary),
    canManage: allows(caller, policy.org.manage, org),
    canEditDetails: allows(caller, policy.org.editDetails, org),
    canManagePeople: allows(caller, policy.org.editDetails, org),
  };
}

/** admin.org — an org, its pairings, and what the caller may do (its paired unit may look, not change). */
export const org = defineAction({
  name: 'admin.org',
  input: orgRefInput,
  access: 'person',
  async run({ db, caller }, input) {
    const found = await orgOrFail(db, input.orgId);
    const pairings = await pairingsRepository(db).ofOrg(found._id);
    if (!canViewOrg(subjectOfCaller(caller), found, pairings)) refuseOnOrg(caller, found._id, `view org ${found._id}`);
    return orgDetailOf(db, caller, found, pairings);
  },
});
