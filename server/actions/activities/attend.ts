import { attendInput } from '../../../src/contract/activities';
import { assessAttendance, codeAgeSeconds } from '../../../src/domain/activities/attendanceFlags';
import { acceptedWindows, windowShownAt } from '../../../src/domain/activities/venueCode';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { activitiesRepository } from '../../repositories/activities';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { windowCode } from '../../runtime/tokens';
import { activityView } from './activityView';
import { sideOf } from './sideOf';
import { visibleActivity } from './visibleActivity';

/** activities.attend — a participant from either side scans the venue code on the day. */
export const attend = defineAction({
  name: 'activities.attend',
  input: attendInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const activity = await visibleActivity(db, caller, input.activityId);
    const side = sideOf(caller, activity);
    if (!side) fail('FORBIDDEN', `person ${caller.personId} is on neither side of ${activity._id}`, { userMessage: '只有结对双方的人员可以签到' });
    if (activity.date !== chinaDateString(now)) fail('CONFLICT', `attendance of ${activity._id} on another day`, { userMessage: `现场签到只在活动当天（${activity.date}）开放` });
    // Any code of the last half hour is accepted (newest first): a late scan is flagged below, not refused.
    const window = acceptedWindows(now).find((candidate) => windowCode(activity.secret, candidate) === input.code);
    if (window === undefined) {
      fail('EXPIRED', `venue code ${input.code} of ${activity._id} not current`, { field: 'code', userMessage: '签到码已更新，请重新扫描组织者手机上的二维码' });
    }
    if (activity.attendance.some((entry) => entry.personId === caller.personId)) return { activity: activityView(activity, caller), alreadyCheckedIn: true };
    const scan = input.position ? { latitude: input.position.latitude, longitude: input.position.longitude, accuracyMetres: input.position.accuracy } : undefined;
    const venue = activity.venue ? { ...activity.venue.position, accuracyMetres: activity.venue.accuracyMetres } : undefined;
    // Never refused for where or when it was scanned: a scan far from the venue, or long after its code was shown, is flagged for review.
    const timing = { shownAt: windowShownAt(window), scannedAt: now };
    const { distanceMetres, flags } = assessAttendance(scan, venue, timing);
    const entry = { personId: caller.personId, name: caller.name, side, at: now, distanceMetres, flags, codeAgeSeconds: codeAgeSeconds(timing) };
    const added = await activitiesRepository(db).attend(activity._id, entry);
    const attendance = added ? [...activity.attendance, entry] : activity.attendance;
    return { activity: activityView({ ...activity, attendance }, caller), alreadyCheckedIn: !added };
  },
});
