import { unitRefInput } from '../../../src/contract/admin';
import type { UnitDetail } from '../../../src/contract/admin';
import { managesStreet, policy } from '../../../src/domain/access/policy';
import { byRecency } from '../../../src/domain/admin/pairingOrder';
import { streetChoices, streetNamer } from '../../../src/domain/admin/streetNames';
import type { UnitRecord } from '../../db/adminDocuments';
import type { PairingDocument } from '../../db/documents';
import { streetsRepository } from '../../repositories/adminStreets';
import { pairingsRepository } from '../../repositories/pairings';
import { allows, requireAccess, subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { unitOrFail } from './entityOrFail';
import { peopleOfScope } from './peopleOfScope';
import { OUT_OF_SCOPE } from './refusals';
import { toPairingSummary } from './toPairingSummary';
import { toUnitView } from './toUnitView';

/**
 * A unit with its pairings over the years, its people, the streets it may be moved to and what the
 * caller may do with it: everything its screen shows, in one round of parallel reads. Whoever may see
 * the unit (`unit.view`) sees its people.
 */
export async function unitDetailOf(db: CloudDatabase, caller: Caller, unit: UnitRecord, pairings?: PairingDocument[]): Promise<UnitDetail> {
  const [streets, ofUnit, people] = await Promise.all([streetsRepository(db).all(), pairings ?? pairingsRepository(db).ofUnit(unit._id), peopleOfScope(db, 'unit', unit._id)]);
  const canManage = allows(caller, policy.unit.manage, unit);
  const subject = subjectOfCaller(caller);
  return {
    unit: toUnitView(unit, streetNamer(streets)),
    pairings: ofUnit.sort(byRecency).map(toPairingSummary),
    canManage,
    canManagePeople: allows(caller, policy.unit.managePeople, unit),
    streets: streetChoices(streets, unit.streetId, canManage ? (streetId) => managesStreet(subject, streetId) : null),
    people,
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
