import { unitRefInput } from '../../../src/contract/admin';
import type { UnitDetail } from '../../../src/contract/admin';
import { policy } from '../../../src/domain/access/policy';
import { byRecency } from '../../../src/domain/admin/pairingOrder';
import { streetNamer } from '../../../src/domain/admin/streetNames';
import type { UnitRecord } from '../../db/adminDocuments';
import type { PairingDocument } from '../../db/documents';
import { streetsRepository } from '../../repositories/adminStreets';
import { pairingsRepository } from '../../repositories/pairings';
import { allows, requireAccess } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { unitOrFail } from './entityOrFail';
import { OUT_OF_SCOPE } from './refusals';
import { toPairingSummary } from './toPairingSummary';
import { toUnitView } from './toUnitView';

/** A unit with its pairings over the years and what the caller may do with it. */
export async function unitDetailOf(db: CloudDatabase, caller: Caller, unit: UnitRecord, pairings?: PairingDocument[]): Promise<UnitDetail> {
  const streetName = streetNamer(await streetsRepository(db).all());
  return {
    unit: toUnitView(unit, streetName),
    pairings: (pairings ?? (await pairingsRepository(db).ofUnit(unit._id))).sort(byRecency).map(toPairingSummary),
    canManage: allows(caller, policy.unit.manage, unit),
    canManagePeople: allows(caller, policy.unit.managePeople, unit),
  };
}

/** admin.unit — a unit, its pairings over the years, and what the caller may do with it. */
export const unit = defineAction({
  name: 'admin.unit',
  input: unitRefInput,
  access: 'person',
  async run({ db, caller }, input) {
    const found = await unitOrFail(db, input.unitId);
    requireAccess(caller, policy.unit.view, found, { as: 'FORBIDDEN', userMessage: OUT_OF_SCOPE });
    return unitDetailOf(db, caller, found);
  },
});
