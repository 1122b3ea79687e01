import { savePairingInput } from '../../../src/contract/admin';
import { policy } from '../../../src/domain/access/policy';
import { arrangerOf } from '../../../src/domain/catalog/organisations';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import type { PairingDocument } from '../../db/documents';
import { inTransaction } from '../../db/transaction';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import { pairingsInTx, pairingsRepository } from '../../repositories/pairings';
import { requireAccess } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { dayBefore } from './dayBefore';
import { orgOrFail, unitOrFail } from './entityOrFail';
import { officeRoles, requireOffice } from './refusals';
import { toPairingSummary } from './toPairingSummary';

/**
 * admin.savePairing — pair a unit with an org for a year. If the unit already runs a pairing with
 * another org that year, that pairing ends the day before the new one starts (its records stay).
 */
export const savePairing = defineAction({
  name: 'admin.savePairing',
  input: savePairingInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    requireOffice(caller, 'save a pairing');
    const [unit, org] = await Promise.all([unitOrFail(db, input.unitId), orgOrFail(db, input.orgId)]);
    requireAccess(caller, policy.pairing.manage, { unitId: unit._id, orgId: org._id, streetId: org.streetId, unitStreetId: unit.streetId }, { as: 'FORBIDDEN', userMessage: '结对双方须都在您的管理范围内' });
    const thisYear = yearOf(now).year;
    if (input.year < thisYear - 1 || input.year > thisYear + 1) fail('INVALID_INPUT', `year ${input.year}`, { field: 'year', userMessage: `只能安排 ${thisYear - 1}–${thisYear + 1} 年度的结对` });
    const running = await pairingsRepository(db).runningOf(input.year, unit._id, org._id);
    const current = running.find((pairing) => pairing.unitId === unit._id);
    const orgTaken = running.find((pairing) => pairing.orgId === org._id && pairing.unitId !== unit._id);
    if (orgTaken) fail('CONFLICT', `org ${org._id} already paired with ${orgTaken.unitId}`, { field: 'orgId', userMessage: `该组织${input.year} 年度已与“${orgTaken.unitName}”结对` });
    if (current && current.orgId === org._id) return { pairing: toPairingSummary(current), ended: null, unchanged: true };
    if (current && input.year < thisYear) fail('INVALID_INPUT', `past year ${input.year} replacement`, { field: 'year', userMessage: '往年的结对不能更换组织' });
    const startDate = input.startDate ?? (current && input.year === thisYear ? chinaDateString(now) : `${input.year}-01-01`);
    if (!startDate.startsWith(`${input.year}-`)) fail('INVALID_INPUT', `start ${startDate} outside ${input.year}`, { field: 'startDate', userMessage: `开始日期须在 ${input.year} 年内` });
    const pairing: PairingDocument = {
      _id: `pairing-${newToken()}`,
      unitId: unit._id,
      orgId: org._id,
      unitName: unit.name,
      orgName: org.name,
      year: input.year,
      streetId: org.streetId,
      unitStreetId: unit.streetId,
      arrangedBy: arrangerOf(unit.level),
      startDate,
      endDate: null,
    };
    const ended = current ? { ...current, endDate: dayBefore(startDate) } : null;
    await inTransaction(db, async (tx) => {
      if (ended) await pairingsInTx(tx).end(ended._id, ended.endDate);
      await pairingsInTx(tx).add(pairing);
      await recordAudit(
        tx,
        auditEntry(caller, now, {
          action: ended ? 'pairing.replace' : 'pairing.create',
          subjectType: 'pairing',
          subjectId: pairing._id,
          subjectName: `${unit.name} ↔ ${org.name}`,
          unitId: unit._id,
          orgId: org._id,
          personId: null,
          streetIds: [...new Set([unit.streetId, org.streetId])],
          changes: [
            { field: '结对组织', before: ended?.orgName ?? '', after: org.name },
            { field: '结对开始日期', before: '', after: startDate },
            ...(ended ? [{ field: '原结对结束日期', before: '', after: ended.endDate }] : []),
          ],
          note: `${input.year} 年度`,
        }),
      );
    });
    return { pairing: toPairingSummary(pairing), ended: ended ? toPairingSummary(ended) : null, unchanged: false };
  },
});
