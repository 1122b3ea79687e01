import { venueCodeInput } from '../../../src/contract/activities';
import { linkedPages } from '../../../src/contract/pages';
import { secondsUntilNextCode, venueWindow } from '../../../src/domain/activities/venueCode';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { activitiesRepository } from '../../repositories/activities';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { windowCode } from '../../runtime/tokens';
import { miniProgramCode } from '../../services/records/miniProgramCode';
import { sideOf } from './sideOf';
import { visibleActivity } from './visibleActivity';

/** activities.venueCode — the rotating code (and QR) the organiser's phone shows at the venue, on the day; its first position is the venue. */
export const venueCode = defineAction({
  name: 'activities.venueCode',
  input: venueCodeInput,
  access: ['unitStaff', 'unitHead'],
  async run({ db, cloud, caller, now }, input) {
    const activity = await visibleActivity(db, caller, input.activityId);
    if (sideOf(caller, activity) !== 'unit') fail('FORBIDDEN', `person ${caller.personId} does not organise ${activity._id}`);
    if (activity.date !== chinaDateString(now)) fail('CONFLICT', `venue code of ${activity._id} asked on another day`, { userMessage: `现场签到只在活动当天（${activity.date}）开放` });
    // The venue is where the organiser's phone first showed the code that day (when it gave a position):
    // scans far from it are flagged. Kept once, so the refresh every few seconds writes nothing.
    if (input.position && !activity.venue) {
      const { latitude, longitude, accuracy } = input.position;
      await activitiesRepository(db).setVenueOnce(activity._id, { position: { latitude, longitude }, accuracyMetres: accuracy, at: now });
    }
    const code = windowCode(activity.secret, venueWindow(now));
    const scene = `${activity._id}.${code}`;
    const view = { code, path: `${linkedPages.attend}?scene=${scene}`, secondsLeft: secondsUntilNextCode(now) };
    return input.withQrImage ? { ...view, qrImage: await miniProgramCode(cloud, linkedPages.attend, scene) } : view;
  },
});
