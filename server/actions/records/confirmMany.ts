import type { ConfirmManyItem } from '../../../src/contract/records';
import { confirmManyInput } from '../../../src/contract/records';
import { errorMessages } from '../../../src/contract/errors';
import type { HistoryEntry, RecordDocument } from '../../db/documents';
import { sendRecordResult } from '../../messaging/recordResult';
import type { RecordToDecide } from '../../repositories/recordsDeciding';
import { recordsDecidingRepository } from '../../repositories/recordsDeciding';
import { recordsRepository } from '../../repositories/records';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { ActionFailure } from '../../runtime/failure';
import { decidedView, requireConfirmable } from './leaderDecision';
import { explainRefusal } from './explainRefusal';

type Refusal = Extract<ConfirmManyItem, { ok: false }>['error'];

/** Why a record cannot be confirmed, as the leader reads it; anything else is not a refusal and goes on up. */
function refusalOf(check: () => void): Refusal | null {
  try {
    check();
    return null;
  } catch (error) {
    if (!(error instanceof ActionFailure)) throw error;
    return { code: error.code, message: error.options.userMessage ?? errorMessages[error.code] };
  }
}

/** Did this pass confirm the record (and not someone else, or an earlier pass)? */
const confirmedNow = (record: RecordDocument, caller: Caller, now: Date) => record.state === 'confirmed' && record.confirmed?.byId === caller.personId && record.confirmed.at.getTime() === now.getTime();

/**
 * records.confirmMany — the leader confirms several waiting records of their org in one pass (一键确认),
 * each at the revision they were shown (records.pending with `withContent`). Each is checked exactly as
 * records.confirm checks it, and one that changed or is not theirs is answered with why while the others
 * are confirmed all the same. Three database requests however many are chosen: the caller, the records
 * joined with their authors, and one conditional write for all of them (one for each revision among
 * them, which is one in practice); only when fewer were written than expected (something changed
 * meanwhile) are they read once more to tell which. Each author is sent the result message.
 */
export const confirmManyRecords = defineAction({
  name: 'records.confirmMany',
  input: confirmManyInput,
  access: ['orgLeader'],
  async run({ db, caller, now, cloud }, input) {
    const deciding = recordsDecidingRepository(db);
    const found = new Map((await deciding.findMany(input.items.map((item) => item.recordId))).map((target) => [target.record._id, target]));
    const refused = new Map<string, Refusal>();
    const groups = new Map<string, { revision: number; withLink: boolean; targets: RecordToDecide[] }>();
    for (const item of input.items) {
      const target = found.get(item.recordId);
      if (!target) {
        refused.set(item.recordId, { code: 'NOT_FOUND', message: errorMessages.NOT_FOUND });
        continue;
      }
      const refusal = refusalOf(() => requireConfirmable(target.record, caller, item.revision));
      if (refusal) {
        refused.set(item.recordId, refusal);
        continue;
      }
      const withLink = target.record.confirmToken !== null;
      const key = `${item.revision}:${withLink}`;
      const group = groups.get(key) ?? { revision: item.revision, withLink, targets: [] };
      group.targets.push(target);
      groups.set(key, group);
    }

    const stamp = { at: now, byId: caller.personId, byName: caller.name };
    const entryAt = (revision: number): HistoryEntry => ({ at: now, actorId: caller.personId, actorName: caller.name, event: 'confirm', revision });
    const records = recordsRepository(db);
    const written = await Promise.all(
      [...groups.values()].map(async (group) => ({ group, count: await records.confirmAll(group.targets.map((target) => target.record._id), group.revision, group.withLink, stamp, entryAt(group.revision), now) })),
    );
    const missed = written.flatMap(({ group, count }) => (count < group.targets.length ? group.targets.map((target) => target.record._id) : []));
    if (missed.length > 0) {
      // Something changed between the read and the write: read those again to know which this pass confirmed.
      const again = new Map((await deciding.findMany(missed)).map(({ record }) => [record._id, record]));
      for (const id of missed) {
        const record = again.get(id);
        if (record && confirmedNow(record, caller, now)) continue;
        const seen = input.items.find((item) => item.recordId === id)!.revision;
        refused.set(id, record ? refusalOf(() => explainRefusal(record, caller, 'confirm', seen))! : { code: 'NOT_FOUND', message: errorMessages.NOT_FOUND });
      }
    }

    const confirmed = [...groups.values()].flatMap((group) => group.targets.map((target) => ({ ...target, revision: group.revision }))).filter((target) => !refused.has(target.record._id));
    await Promise.all(confirmed.map(({ record, authorOpenid }) => sendRecordResult(cloud, authorOpenid, { id: record._id, kind: record.kind, date: record.date }, { decision: 'confirm', byName: caller.name, at: now })));
    const views = new Map(confirmed.map(({ record, revision }) => [record._id, decidedView(record, { state: 'confirmed', confirmed: stamp }, entryAt(revision), now)]));
    const items = input.items.map((item): ConfirmManyItem => {
      const view = views.get(item.recordId);
      return view ? { recordId: item.recordId, ok: true, record: view } : { recordId: item.recordId, ok: false, error: refused.get(item.recordId)! };
    });
    return { items };
  },
});
