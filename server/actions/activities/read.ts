import { activityRefInput, listActivitiesInput } from '../../../src/contract/activities';
import { policy } from '../../../src/domain/access/policy';
import { activitiesRepository } from '../../repositories/activities';
import { accessWhere } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { activityView } from './activityView';
import { visibleActivity } from './visibleActivity';

/** activities.list — joint activities of the pairings the caller sees (`pairing.view`), the latest first. */
export const listActivities = defineAction({
  name: 'activities.list',
  input: listActivitiesInput,
  access: 'person',
  async run({ db, caller }, input) {
    const where = accessWhere(db, caller, policy.pairing.view, ...(input.pairingId ? [{ pairingId: input.pairingId }] : []));
    if (!where) return { items: [] };
    return { items: (await activitiesRepository(db).latest(where)).map((row) => activityView(row, caller)) };
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
