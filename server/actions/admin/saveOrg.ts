import { saveOrgInput } from '../../../src/contract/admin';
import { policy } from '../../../src/domain/access/policy';
import { fieldChanges } from '../../../src/domain/admin/audit';
import { coordinateProblem, toStoredWgs84 } from '../../../src/domain/admin/coordinates';
import { orgDisplay, orgFieldLabels } from '../../../src/domain/admin/labels';
import { streetNamer } from '../../../src/domain/admin/streetNames';
import type { OrgRecord } from '../../db/adminDocuments';
import { inTransaction } from '../../db/transaction';
import { streetsRepository } from '../../repositories/adminStreets';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import { orgsInTx, orgsRepository } from '../../repositories/orgs';
import { pairingsInTx, pairingsRepository } from '../../repositories/pairings';
import { allows } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { newEntityCode } from './entityCode';
import { orgOrFail, streetOrFail } from './entityOrFail';
import { orgDetailOf } from './orgDetail';
import { refuse, refuseOnOrg } from './refusals';

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
    const before = input.orgId ? await orgOrFail(db, input.orgId) : null;
    const placed = { _id: before?._id ?? '', streetId: input.streetId };
    if (before ? !allows(caller, policy.org.editDetails, before) : !allows(caller, policy.org.manage, placed)) {
      if (before) refuseOnOrg(caller, before._id, `save org ${before._id}`);
      refuse(caller, 'save a new org', '只有党群共建办可以新增“两新”组织');
    }
    await streetOrFail(db, input.streetId);
    const code = input.code || before?.code || newEntityCode('O');
    const identityChanged = before !== null && identityFields.some((field) => (field === 'code' ? code : input[field]) !== before[field]);
    if (before && identityChanged && !allows(caller, policy.org.manage, before)) {
      refuse(caller, `change the identity of org ${before._id}`, '组织名称、编码、类型和所在街道只能由党群共建办修改');
    }
    if (!allows(caller, policy.org.manage, placed) && (!before || input.streetId !== before.streetId)) {
      refuse(caller, `place org in ${input.streetId}`, '不能把组织放到您管理范围以外的街道');
    }
    const point = { latitude: input.location.latitude, longitude: input.location.longitude };
    const impossible = coordinateProblem(point);
    if (impossible) fail('INVALID_INPUT', `impossible coordinates ${point.latitude},${point.longitude}`, { field: 'location', userMessage: impossible });
    const clash = (await orgsRepository(db).holdingCodeOrName(code, input.name)).find((other) => other._id !== before?._id);
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
    };
    const streetName = streetNamer(await streetsRepository(db).all());
    const changes = fieldChanges(orgDisplay(before, streetName), orgDisplay(after, streetName)!, orgFieldLabels);
    if (before && changes.length === 0) return orgDetailOf(db, caller, before);
    const pairings = before ? await pairingsRepository(db).ofOrg(before._id) : [];
    const copies = pairings.filter((pairing) => pairing.orgName !== after.name || pairing.streetId !== after.streetId);
    await inTransaction(db, async (tx) => {
      await orgsInTx(tx).save(after);
      for (const pairing of copies) await pairingsInTx(tx).copyOrg(pairing._id, { orgName: after.name, streetId: after.streetId });
      await recordAudit(
        tx,
        auditEntry(caller, now, {
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
      );
    });
    return orgDetailOf(db, caller, after, pairings.map((pairing) => ({ ...pairing, orgName: after.name, streetId: after.streetId })));
  },
});
