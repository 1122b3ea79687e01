import type { UnitView } from '../../../src/contract/admin';
import type { UnitRecord } from '../../db/adminDocuments';

export function toUnitView(unit: UnitRecord, streetName: (id: string) => string): UnitView {
  return { id: unit._id, code: unit.code, name: unit.name, level: unit.level, streetId: unit.streetId, streetName: streetName(unit.streetId), contactName: unit.contactName ?? '', contactPhone: unit.contactPhone ?? '' };
}
