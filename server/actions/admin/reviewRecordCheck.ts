import { reviewRecordCheckInput } from '../../../src/contract/admin';
import { reviewFlagLabels } from '../../../src/domain/records/reviewFlags';
import { yearOf } from '../../../src/domain/time/periods';
import { auditEntry } from '../../repositories/auditLog';
import { recordReviewsRepository } from '../../repositories/recordReviews';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { recordChecksOf, reviewingOffice, toRecordCheckView } from '../../services/records/recordChecks';
import { officeRoles, requireOffice } from './refusals';

/**
 * admin.reviewRecordCheck — an office marks a record of 待核查 as checked, with a note of what it found.
 * The record leaves the count; its flags and the note stay on it (已核查, the record's checks view) and
 * the audit trail keeps the review. A flag that appears later (another reused photo, say) brings it
 * back. Only a record in the office's own list can be reviewed.
 */
export const reviewRecordCheck = defineAction({
  name: 'admin.reviewRecordCheck',
  input: reviewRecordCheckInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    requireOffice(caller, 'review flagged records');
    const checks = await recordChecksOf(db, caller, yearOf(now).year);
    const check = checks.pending.find((item) => item.row.id === input.recordId);
    if (!check) {
      if (checks.reviewed.some((item) => item.row.id === input.recordId)) fail('ALREADY_DONE', `record ${input.recordId} already reviewed`, { userMessage: '这条记录已经核查过了' });
      fail('NOT_FOUND', `record ${input.recordId} is not among the records ${caller.personId} is to check`, { field: 'recordId', userMessage: '待核查的记录中没有这一条' });
    }
    const { row, flags } = check;
    const byOffice = await reviewingOffice(db, caller, [row.streetId, row.unitStreetId]);
    const review = { at: now, byId: caller.personId, byName: caller.name, byOffice, note: input.note, flags: [...flags] };
    await recordReviewsRepository(db).markReviewed(
      row.id,
      review,
      auditEntry(caller, now, {
        action: 'record.review',
        subjectType: 'pairing',
        subjectId: row.pairingId,
        subjectName: `${row.unitName} ↔ ${row.orgName}`,
        unitId: row.unitId,
        orgId: row.orgId,
        personId: null,
        streetIds: [...new Set([row.unitStreetId, row.streetId])],
        changes: [{ field: `${row.date} 记录的核查提示`, before: flags.map((flag) => reviewFlagLabels[flag]).join('、'), after: '已核查' }],
        note: input.note,
      }),
    );
    return { item: toRecordCheckView({ row: { ...row, review }, flags }) };
  },
});
