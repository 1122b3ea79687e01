import { endPairingInput, savePairingInput } from '../../../src/contract/admin';
import { canManagePairing } from '../../../src/domain/admin/adminScope';
import { arrangerOf } from '../../../src/domain/catalog/organisations';
import { chinaDateString, parseChinaDate } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import type { PairingDocument } from '../../db/documents';
import { findAll, getById } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { officeRoles, refuse, requireOffice } from './access';
import { auditEntry } from './auditLog';
import { orgOrFail, unitOrFail } from './load';
import { inTransaction } from './transaction';
import { pairingSummary } from './views';

const dayBefore = (date: string) => chinaDateString(new Date(parseChinaDate(date)!.getTime() - 86_400_000));

/**
 * admin.savePairing — pair a unit with an org for a year. If the unit already runs a pairing with
 * another org that year, that pairing ends the day before the new one starts (its records stay).
 */
export const savePairing = defineAction({
  name: 'admin.savePairing',
  input: savePairingInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    const scope = requireOffice(caller, 'save a pairing');
    const [unit, org] = await Promise.all([unitOrFail(db, input.unitId), orgOrFail(db, input.orgId)]);
    if (!canManagePairing(scope, { streetId: org.streetId, unitStreetId: unit.streetId })) refuse(caller, `pair ${unit._id} with ${org._id}`, '结对双方须都在您的管理范围内');
    const thisYear = yearOf(now).year;
    if (input.year < thisYear - 1 || input.year > thisYear + 1) fail('INVALID_INPUT', `year ${input.year}`, { field: 'year', userMessage: `只能安排 ${thisYear - 1}–${thisYear + 1} 年度的结对` });
    const _ = db.command;
    const running = await findAll<PairingDocument>(db.collection('pairings').where(_.and([{ year: input.year, endDate: null }, _.or([{ unitId: unit._id }, { orgId: org._id }])])).limit(10));
    const current = running.find((pairing) => pairing.unitId === unit._id);
    const orgTaken = running.find((pairing) => pairing.orgId === org._id && pairing.unitId !== unit._id);
    if (orgTaken) fail('CONFLICT', `org ${org._id} already paired with ${orgTaken.unitId}`, { field: 'orgId', userMessage: `该组织${input.year} 年度已与“${orgTaken.unitName}”结对` });
    if (current && current.orgId === org._id) return { pairing: pairingSummary(current), ended: null, unchanged: true };
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
      if (ended) await tx.collection('pairings').doc(ended._id).update({ data: { endDate: ended.endDate } });
      await tx.collection('pairings').add({ data: pairing });
      await tx.collection('auditTrail').add({
        data: auditEntry(caller, now, {
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
            ...(ended ? [{ field: '原结对结束日期', before: '', after: ended.endDate! }] : []),
          ],
          note: `${input.year} 年度`,
        }),
      });
    });
    return { pairing: pairingSummary(pairing), ended: ended ? pairingSummary(ended) : null, unchanged: false };
  },
});

/** admin.endPairing — end a running pairing on a day (the unit keeps its records). */
export const endPairing = defineAction({
  name: 'admin.endPairing',
  input: endPairingInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    const scope = requireOffice(caller, 'end a pairing');
    const pairing = await getById<PairingDocument>(db.collection('pairings'), input.pairingId);
    if (!pairing) fail('NOT_FOUND', `pairing ${input.pairingId}`, { field: 'pairingId', userMessage: '结对关系不存在' });
    if (!canManagePairing(scope, pairing)) refuse(caller, `end pairing ${pairing._id}`);
    if (pairing.endDate !== null) fail('ALREADY_DONE', `pairing ${pairing._id} ended ${pairing.endDate}`, { userMessage: `该结对已于 ${pairing.endDate} 结束` });
    if (!input.endDate.startsWith(`${pairing.year}-`) || input.endDate < dayBefore(pairing.startDate)) {
      fail('INVALID_INPUT', `end ${input.endDate} outside pairing`, { field: 'endDate', userMessage: `结束日期须在 ${pairing.year} 年内，且不早于开始日期` });
    }
    const ended = { ...pairing, endDate: input.endDate };
    await inTransaction(db, async (tx) => {
      await tx.collection('pairings').doc(pairing._id).update({ data: { endDate: input.endDate } });
      await tx.collection('auditTrail').add({
        data: auditEntry(caller, now, {
          action: 'pairing.end',
          subjectType: 'pairing',
          subjectId: pairing._id,
          subjectName: `${pairing.unitName} ↔ ${pairing.orgName}`,
          unitId: pairing.unitId,
          orgId: pairing.orgId,
          personId: null,
          streetIds: [...new Set([pairing.unitStreetId, pairing.streetId])],
          changes: [{ field: '结对结束日期', before: '', after: input.endDate }],
          note: '',
        }),
      });
    });
    return { pairing: pairingSummary(ended) };
  },
});
