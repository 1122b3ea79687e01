import { activityRefInput, listActivitiesInput } from '../../../src/contract/activities';
import { policy } from '../../../src/domain/access/policy';
import type { ActivityListView } from '../../../src/contract/activities';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import { activitiesRepository } from '../../repositories/activities';
import { recordsPairingsRepository } from '../../repositories/recordsPairings';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { accessWhere } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { activityView } from './activityView';
import { visibleActivity } from './visibleActivity';

/** The caller's pairings they may post an activity for (`record.write`, as activities.post checks): this year's, not ended. */
async function postablePairings(db: CloudDatabase, caller: Caller, now: Date): Promise<ActivityListView['postable']> {
  const where = accessWhere(db, caller, policy.record.write, { year: yearOf(now).year });
  if (!where) return [];
  const today = chinaDateString(now);
  return (await recordsPairingsRepository(db).matching(where))
    .filter((pairing) => pairing.endDate === null || pairing.endDate >= today)
    .sort((a, b) => (a._id < b._id ? -1 : 1))
    .map((pairing) => ({ pairingId: pairing._id, unitName: pairing.unitName, orgName: pairing.orgName }));
}

/**
 * activities.list — joint activities of the pairings the caller sees (`pairing.view`), the latest
 * first, and the pairings the caller may post one for (read beside them: the page is one call).
 */
export const listActivities = defineAction({
  name: 'activities.list',
  input: listActivitiesInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const where = accessWhere(db, caller, policy.pairing.view, ...(input.pairingId ? [{ pairingId: input.pairingId }] : []));
    const [rows, postable] = await Promise.all([where ? activitiesRepository(db).latest(where) : [], postablePairings(db, caller, now)]);
    return { items: rows.map((row) => activityView(row, caller)), postable };
  },
});

/** activities.get — one joint activity the caller may see. */
export const getActivity = defineAction({
  name: 'activities.get',
  input: activityRefInput,
  access: 'person',
  async run({ db, caller }, input) {
    return { activity: activityView(await visibleActivity(db, caller, input.activityId), caller) };
  },
});
