import { endPairingInput } from '../../../src/contract/admin';
import { policy } from '../../../src/domain/access/policy';
import { inTransaction } from '../../db/transaction';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import { pairingsInTx } from '../../repositories/pairings';
import { requireAccess } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { dayBefore } from './dayBefore';
import { pairingOrFail } from './entityOrFail';
import { officeRoles, OUT_OF_SCOPE, requireOffice } from './refusals';
import { toPairingSummary } from './toPairingSummary';

/** admin.endPairing — end a running pairing on a day (the unit keeps its records). */
export const endPairing = defineAction({
  name: 'admin.endPairing',
  input: endPairingInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    requireOffice(caller, 'end a pairing');
    const pairing = await pairingOrFail(db, input.pairingId);
    requireAccess(caller, policy.pairing.manage, pairing, { as: 'FORBIDDEN', userMessage: OUT_OF_SCOPE });
    if (pairing.endDate !== null) fail('ALREADY_DONE', `pairing ${pairing._id} ended ${pairing.endDate}`, { userMessage: `该结对已于 ${pairing.endDate} 结束` });
    if (!input.endDate.startsWith(`${pairing.year}-`) || input.endDate < dayBefore(pairing.startDate)) {
      fail('INVALID_INPUT', `end ${input.endDate} outside pairing`, { field: 'endDate', userMessage: `结束日期须在 ${pairing.year} 年内，且不早于开始日期` });
    }
    const ended = { ...pairing, endDate: input.endDate };
    await inTransaction(db, async (tx) => {
      await pairingsInTx(tx).end(pairing._id, input.endDate);
      await recordAudit(
        tx,
        auditEntry(caller, now, {
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
      );
    });
    return { pairing: toPairingSummary(ended) };
  },
});
