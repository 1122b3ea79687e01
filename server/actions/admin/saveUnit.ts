import { saveUnitInput } from '../../../src/contract/admin';
import { policy } from '../../../src/domain/access/policy';
import { fieldChanges } from '../../../src/domain/admin/audit';
import { unitDisplay, unitFieldLabels } from '../../../src/domain/admin/labels';
import { streetNamer } from '../../../src/domain/admin/streetNames';
import type { UnitRecord } from '../../db/adminDocuments';
import { inTransaction } from '../../db/transaction';
import { streetsRepository } from '../../repositories/adminStreets';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import { pairingsInTx, pairingsRepository } from '../../repositories/pairings';
import { unitsInTx, unitsRepository } from '../../repositories/units';
import { allows, requireAccess } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { newEntityCode } from './entityCode';
import { streetOrFail, unitOrFail } from './entityOrFail';
import { officeRoles, OUT_OF_SCOPE, refuse, requireOffice } from './refusals';
import { unitDetailOf } from './unitDetail';

/**
 * admin.saveUnit — create a unit or change one in place. A rename or a move to another street is
 * copied into every pairing of the unit in the same transaction, with the audit entry.
 */
export const saveUnit = defineAction({
  name: 'admin.saveUnit',
  input: saveUnitInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    requireOffice(caller, 'save a unit');
    await streetOrFail(db, input.streetId);
    const before = input.unitId ? await unitOrFail(db, input.unitId) : null;
    if (before) requireAccess(caller, policy.unit.manage, before, { as: 'FORBIDDEN', userMessage: OUT_OF_SCOPE });
    if (!allows(caller, policy.unit.manage, { _id: before?._id ?? '', streetId: input.streetId })) refuse(caller, `place a unit in ${input.streetId}`, '不能把单位放到您管理范围以外的街道');
    const code = input.code || before?.code || newEntityCode('U');
    const clash = (await unitsRepository(db).holdingCodeOrName(code, input.name)).find((other) => other._id !== before?._id);
    if (clash) {
      fail('CONFLICT', `unit code ${code} or name ${input.name} taken by ${clash._id}`, clash.code === code ? { field: 'code', userMessage: `编码“${code}”已被“${clash.name}”使用` } : { field: 'name', userMessage: `已有名为“${clash.name}”的单位` });
    }
    const after: UnitRecord = {
      ...(before ?? { _id: `unit-${newToken()}`, createdAt: now }),
      name: input.name,
      code,
      level: input.level,
      streetId: input.streetId,
      ...(input.contactName !== undefined ? { contactName: input.contactName } : {}),
      ...(input.contactPhone !== undefined ? { contactPhone: input.contactPhone } : {}),
    };
    const streetName = streetNamer(await streetsRepository(db).all());
    const changes = fieldChanges(unitDisplay(before, streetName), unitDisplay(after, streetName)!, unitFieldLabels);
    if (before && changes.length === 0) return unitDetailOf(db, caller, before);
    const pairings = before ? await pairingsRepository(db).ofUnit(before._id) : [];
    const copies = pairings.filter((pairing) => pairing.unitName !== after.name || pairing.unitStreetId !== after.streetId);
    await inTransaction(db, async (tx) => {
      await unitsInTx(tx).save(after);
      for (const pairing of copies) await pairingsInTx(tx).copyUnit(pairing._id, { unitName: after.name, unitStreetId: after.streetId });
      await recordAudit(
        tx,
        auditEntry(caller, now, {
          action: before ? 'unit.update' : 'unit.create',
          subjectType: 'unit',
          subjectId: after._id,
          subjectName: after.name,
          unitId: after._id,
          orgId: null,
          personId: null,
          streetIds: [...new Set([after.streetId, ...(before ? [before.streetId] : [])])],
          changes,
          note: copies.length > 0 ? `同步更新 ${copies.length} 个结对中的单位名称或街道` : '',
        }),
      );
    });
    const updatedPairings = pairings.map((pairing) => ({ ...pairing, unitName: after.name, unitStreetId: after.streetId }));
    return unitDetailOf(db, caller, after, updatedPairings);
  },
});
