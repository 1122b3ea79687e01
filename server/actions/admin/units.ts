import { randomInt } from 'node:crypto';
import { saveUnitInput, unitRefInput } from '../../../src/contract/admin';
import type { UnitDetail } from '../../../src/contract/admin';
import { canManagePeopleOf, canManageUnit, canViewUnit } from '../../../src/domain/admin/adminScope';
import { fieldChanges } from '../../../src/domain/admin/audit';
import { unitDisplay, unitFieldLabels } from '../../../src/domain/admin/labels';
import type { AdminScope } from '../../../src/domain/admin/adminScope';
import type { UnitRecord } from '../../db/adminDocuments';
import type { PairingDocument } from '../../db/documents';
import { findAll } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { officeRoles, refuse, requireOffice, scopeOf } from './access';
import { auditEntry, withoutId } from './auditLog';
import { allStreets, byRecency, pairingsOf, streetNamer, streetOrFail, unitOrFail } from './load';
import { inTransaction } from './transaction';
import { pairingSummary, unitView } from './views';

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newEntityCode = (prefix: 'U' | 'O') => `${prefix}${Array.from({ length: 7 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('')}`;

async function unitDetail(db: CloudDatabase, unit: UnitRecord, scope: AdminScope, pairings?: PairingDocument[]): Promise<UnitDetail> {
  const streetName = streetNamer(await allStreets(db));
  const ref = { id: unit._id, streetId: unit.streetId };
  return {
    unit: unitView(unit, streetName),
    pairings: (pairings ?? (await pairingsOf(db, 'unitId', unit._id))).sort(byRecency).map(pairingSummary),
    canManage: canManageUnit(scope, ref),
    canManagePeople: canManagePeopleOf(scope, 'unit', ref),
  };
}

/** admin.unit — a unit, its pairings over the years, and what the caller may do with it. */
export const unit = defineAction({
  name: 'admin.unit',
  input: unitRefInput,
  access: 'person',
  async run({ db, caller }, input) {
    const scope = scopeOf(caller);
    const found = await unitOrFail(db, input.unitId);
    if (!canViewUnit(scope, { id: found._id, streetId: found.streetId })) refuse(caller, `view unit ${found._id}`);
    return unitDetail(db, found, scope);
  },
});

/**
 * admin.saveUnit — create a unit or change one in place. A rename or a move to another street is
 * copied into every pairing of the unit in the same transaction, with the audit entry.
 */
export const saveUnit = defineAction({
  name: 'admin.saveUnit',
  input: saveUnitInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    const scope = requireOffice(caller, 'save a unit');
    await streetOrFail(db, input.streetId);
    const before = input.unitId ? await unitOrFail(db, input.unitId) : null;
    if (before && !canManageUnit(scope, { id: before._id, streetId: before.streetId })) refuse(caller, `change unit ${before._id}`);
    if (!canManageUnit(scope, { id: before?._id ?? '', streetId: input.streetId })) refuse(caller, `place a unit in ${input.streetId}`, '不能把单位放到您管理范围以外的街道');
    const code = input.code || before?.code || newEntityCode('U');
    const clashes = await findAll<UnitRecord>(db.collection('units').where(db.command.or([{ code }, { name: input.name }])).limit(5));
    const clash = clashes.find((other) => other._id !== before?._id);
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
    } as UnitRecord;
    const streetName = streetNamer(await allStreets(db));
    const changes = fieldChanges(unitDisplay(before, streetName), unitDisplay(after, streetName)!, unitFieldLabels);
    if (before && changes.length === 0) return unitDetail(db, before, scope);
    const pairings = before ? await pairingsOf(db, 'unitId', before._id) : [];
    const copies = pairings.filter((pairing) => pairing.unitName !== after.name || pairing.unitStreetId !== after.streetId);
    await inTransaction(db, async (tx) => {
      await tx.collection('units').doc(after._id).set({ data: withoutId(after) });
      for (const pairing of copies) await tx.collection('pairings').doc(pairing._id).update({ data: { unitName: after.name, unitStreetId: after.streetId } });
      await tx.collection('auditTrail').add({
        data: auditEntry(caller, now, {
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
      });
    });
    const updatedPairings = pairings.map((pairing) => ({ ...pairing, unitName: after.name, unitStreetId: after.streetId }));
    return unitDetail(db, after, scope, updatedPairings);
  },
});
