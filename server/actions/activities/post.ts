import { pairingCopyOf } from '../../../src/domain/catalog/pairing';
import { postActivityInput } from '../../../src/contract/activities';
import { policy } from '../../../src/domain/access/policy';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import type { ActivityDocument } from '../../db/documents';
import { activitiesRepository } from '../../repositories/activities';
import { recordsPairingsRepository } from '../../repositories/recordsPairings';
import { allows } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken } from '../../runtime/tokens';
import { activityView } from './activityView';

/** activities.post — the unit side (`record.write`) posts a quarter's joint activity ahead, so both sides see it. */
export const postActivity = defineAction({
  name: 'activities.post',
  input: postActivityInput,
  access: ['unitStaff', 'unitHead'],
  async run({ db, caller, now }, input) {
    const pairing = await recordsPairingsRepository(db).byId(input.pairingId);
    if (!pairing || !allows(caller, policy.record.write, pairing)) fail(pairing ? 'FORBIDDEN' : 'NOT_FOUND', `person ${caller.personId} cannot post for pairing ${input.pairingId}`, { field: 'pairingId' });
    if (!input.date.startsWith(`${pairing.year}-`) || input.date < pairing.startDate || (pairing.endDate !== null && input.date > pairing.endDate)) {
      fail('INVALID_INPUT', `activity date ${input.date} outside pairing ${pairing._id}`, { field: 'date', userMessage: '活动日期不在结对期内' });
    }
    if (input.date < chinaDateString(now)) fail('INVALID_INPUT', `activity date ${input.date} is past`, { field: 'date', userMessage: '发布的活动日期不能早于今天；已开展的活动请直接写记录' });
    const activity: ActivityDocument = {
      _id: newToken(),
      ...pairingCopyOf(pairing),
      year: pairing.year,
      title: input.title,
      date: input.date,
      startTime: input.startTime,
      place: input.place,
      agenda: input.agenda,
      organiserId: caller.personId,
      organiserName: caller.name,
      secret: newToken(),
      attendance: [],
      recordId: null,
      createdAt: now,
    };
    await activitiesRepository(db).insert(activity);
    return { activity: activityView(activity, caller) };
  },
});
