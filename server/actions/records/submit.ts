import { submitRecordInput } from '../../../src/contract/records';
import type { ConfirmLink } from '../../../src/contract/records';
import { unitIdsOf } from '../../../src/domain/access/scope';
import type { HistoryEntry, PersonDocument, RecordDocument } from '../../db/documents';
import { expr, pipeline } from '../../db/commands';
import { aggregateAll, updateWhere } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { sendConfirmRequests } from '../../notify/confirmRequest';
import { explainRefusal } from './explain';
import { recordView } from './views';

/** A confirm link stays valid for 14 days; a new submission issues a new one. */
export const CONFIRM_LINK_DAYS = 14;

export function confirmLinkOf(token: string, expiresAt: Date): ConfirmLink {
  return { token, path: `pages/confirm/index?t=${token}`, expiresAt: expiresAt.toISOString() };
}

/**
 * records.submit — send a draft or a revision to the org's party leader for confirmation.
 * Three database requests: the caller, one conditional update (state, scope and revision checked
 * by the database), and the record with the org's leaders. Submitting the same revision again
 * changes nothing and answers the same link (a retried submit is sent exactly once).
 */
export const submitRecord = defineAction({
  name: 'records.submit',
  input: submitRecordInput,
  access: ['unitStaff', 'unitHead', 'streetOffice', 'districtOffice'],
  async run({ db, cloud, caller, now }, input) {
    const _ = db.command;
    const token = newToken();
    const expiresAt = new Date(now.getTime() + CONFIRM_LINK_DAYS * 86_400_000);
    const entry: HistoryEntry = { at: now, actorId: caller.personId, actorName: caller.name, event: 'submit', revision: input.revision };
    const scope = _.or([{ unitId: _.in(unitIdsOf(caller.grants)) }, { authorId: caller.personId }]);
    const changed = await updateWhere(
      db.collection('records').where(_.and([{ _id: input.recordId, revision: input.revision, state: _.in(['draft', 'revised']) }, scope])),
      {
        state: 'submitted',
        submittedAt: now,
        confirmToken: _.set({ id: token, revision: input.revision, expiresAt, usedAt: null }),
        dispute: _.set(null),
        history: _.push(entry),
        updatedAt: now,
      },
    );
    const [found] = await aggregateAll<RecordDocument & { leaders: PersonDocument[] }>(
      db
        .collection('records')
        .aggregate()
        .match({ _id: input.recordId })
        .lookup({
          from: 'people',
          let: { orgId: '$orgId' },
          pipeline: pipeline(db).match(expr(db, _.aggregate.in(['$$orgId', '$grants.scopeId']))).project({ openid: 1, grants: 1 }).done(),
          as: 'leaders',
        }),
    );
    if (!found) fail('NOT_FOUND', `record ${input.recordId} not found`);
    const { leaders, ...record } = found;
    if (changed === 0) {
      const sameSubmission = record.state === 'submitted' && record.revision === input.revision && record.confirmToken !== null && (unitIdsOf(caller.grants).includes(record.unitId) || record.authorId === caller.personId);
      if (!sameSubmission) explainRefusal(record, caller, 'submit', input.revision);
      return { record: recordView(record), link: confirmLinkOf(record.confirmToken!.id, new Date(record.confirmToken!.expiresAt)) };
    }
    const recipients = leaders.filter((person) => person.grants.some((grant) => grant.role === 'orgLeader' && grant.approved && grant.scopeId === record.orgId));
    await sendConfirmRequests(cloud, record, token, recipients);
    return { record: recordView(record), link: confirmLinkOf(token, expiresAt) };
  },
});

