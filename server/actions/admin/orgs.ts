import { orgRefInput, saveOrgInput } from '../../../src/contract/admin';
import type { OrgDetail } from '../../../src/contract/admin';
import type { AdminScope } from '../../../src/domain/admin/adminScope';
import { canEditOrgDetails, canManageOrg, canManagePeopleOf, canViewOrg } from '../../../src/domain/admin/adminScope';
import { fieldChanges } from '../../../src/domain/admin/audit';
import { coordinateProblem, toStoredWgs84 } from '../../../src/domain/admin/coordinates';
import { orgDisplay, orgFieldLabels } from '../../../src/domain/admin/labels';
import type { OrgRecord } from '../../db/adminDocuments';
import type { PairingDocument } from '../../db/documents';
import { findAll } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { refuse, scopeOf } from './access';
import { auditEntry, withoutId } from './auditLog';
import { allStreets, byRecency, orgOrFail, pairingsOf, streetNamer, streetOrFail } from './load';
import { inTransaction } from './transaction';
import { newEntityCode } from './units';
import { orgView, pairingSummary } from './views';

async function orgDetail(db: CloudDatabase, org: OrgRecord, scope: AdminScope, pairings?: PairingDocument[]): Promise<OrgDetail> {
  const streetName = streetNamer(await allStreets(db));
  const ref = { id: org._id, streetId: org.streetId };
  return {
    org: orgView(org, streetName),
    pairings: (pairings ?? (await pairingsOf(db, 'orgId', org._id))).sort(byRecency).map(pairingSummary),
    canManage: canManageOrg(scope, ref),
    canEditDetails: canEditOrgDetails(scope, ref),
    canManagePeople: canManagePeopleOf(scope, 'org', ref),
  };
}

/** admin.org — an org, its pairings, and what the caller may do (its paired unit may look, not change). */
export const org = defineAction({
  name: 'admin.org',
  input: orgRefInput,
  access: 'person',
  async run({ db, caller }, input) {
    const scope = scopeOf(caller);
    const found = await orgOrFail(db, input.orgId);
    const pairings = await pairingsOf(db, 'orgId', found._id);
    if (!canViewOrg(scope, { id: found._id, streetId: found.streetId }, pairings)) refuse(caller, `view org ${found._id}`);
    return orgDetail(db, found, scope, pairings);
  },
});

/** What an org's own leader may change; the rest is the offices'. */
const identityFields = ['name', 'code', 'kind', 'streetId'] as const;

/**
 * admin.saveOrg — create an org or change one in place; coordinates typed (WGS-84) or picked on
 * WeChat's map (GCJ-02, converted). Its approved party leader may correct address, location, members
 * and contacts. A rename is copied into the org's pairings in the same transaction.
 */
export const saveOrg = defineAction({
  name: 'admin.saveOrg',
  input: saveOrgInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const scope = scopeOf(caller);
    const before = input.orgId ? await orgOrFail(db, input.orgId) : null;
    if (before ? !canEditOrgDetails(scope, { id: before._id, streetId: before.streetId }) : !canManageOrg(scope, { id: '', streetId: input.streetId })) {
      refuse(caller, `save org ${input.orgId ?? '(new)'}`, before ? '超出您的管理范围' : '只有党群共建办可以新增“两新”组织');
    }
    await streetOrFail(db, input.streetId);
    const code = input.code || before?.code || newEntityCode('O');
    const identityChanged = before !== null && identityFields.some((field) => (field === 'code' ? code : input[field]) !== before[field]);
    if (before && identityChanged && !canManageOrg(scope, { id: before._id, streetId: before.streetId })) {
      refuse(caller, `change the identity of org ${before._id}`, '组织名称、编码、类型和所在街道只能由党群共建办修改');
    }
    if (!canManageOrg(scope, { id: '', streetId: input.streetId }) && (!before || input.streetId !== before.streetId)) {
      refuse(caller, `place org in ${input.streetId}`, '不能把组织放到您管理范围以外的街道');
    }
    const point = { latitude: input.location.latitude, longitude: input.location.longitude };
    const impossible = coordinateProblem(point);
    if (impossible) fail('INVALID_INPUT', `impossible coordinates ${point.latitude},${point.longitude}`, { field: 'location', userMessage: impossible });
    const clashes = await findAll<OrgRecord>(db.collection('orgs').where(db.command.or([{ code }, { name: input.name }])).limit(5));
    const clash = clashes.find((other) => other._id !== before?._id);
    if (clash) {
      fail('CONFLICT', `org code ${code} or name ${input.name} taken by ${clash._id}`, clash.code === code ? { field: 'code', userMessage: `编码“${code}”已被“${clash.name}”使用` } : { field: 'name', userMessage: `已有名为“${clash.name}”的组织` });
    }
    const after: OrgRecord = {
      ...(before ?? { _id: `org-${newToken()}`, createdAt: now }),
      name: input.name,
      code,
      kind: input.kind,
      streetId: input.streetId,
      address: input.address ?? before?.address ?? '',
      location: toStoredWgs84(point, input.location.system),
      geofenceMetres: input.geofenceMetres,
      partyMembers: input.partyMembers,
      partyOrgForm: input.partyOrgForm,
      massOrganisations: [...new Set(input.massOrganisations)],
      ...(input.contactName !== undefined ? { contactName: input.contactName } : {}),
      ...(input.contactPhone !== undefined ? { contactPhone: input.contactPhone } : {}),
    } as OrgRecord;
    const streetName = streetNamer(await allStreets(db));
    const changes = fieldChanges(orgDisplay(before, streetName), orgDisplay(after, streetName)!, orgFieldLabels);
    if (before && changes.length === 0) return orgDetail(db, before, scope);
    const pairings = before ? await pairingsOf(db, 'orgId', before._id) : [];
    const copies = pairings.filter((pairing) => pairing.orgName !== after.name || pairing.streetId !== after.streetId);
    await inTransaction(db, async (tx) => {
      await tx.collection('orgs').doc(after._id).set({ data: withoutId(after) });
      for (const pairing of copies) await tx.collection('pairings').doc(pairing._id).update({ data: { orgName: after.name, streetId: after.streetId } });
      await tx.collection('auditTrail').add({
        data: auditEntry(caller, now, {
          action: before ? 'org.update' : 'org.create',
          subjectType: 'org',
          subjectId: after._id,
          subjectName: after.name,
          unitId: null,
          orgId: after._id,
          personId: null,
          streetIds: [...new Set([after.streetId, ...(before ? [before.streetId] : [])])],
          changes,
          note: copies.length > 0 ? `同步更新 ${copies.length} 个结对中的组织名称或街道` : '',
        }),
      });
    });
    return orgDetail(db, after, scope, pairings.map((pairing) => ({ ...pairing, orgName: after.name, streetId: after.streetId })));
  },
});
