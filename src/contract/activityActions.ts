import type { ActivityListView, ActivityView, activityRefInput, attendInput, listActivitiesInput, postActivityInput, venueCodeInput, VenueCodeView } from './activities';
import type { Io } from './io';

/** Cloud function `activities`: quarterly joint activities (一季一活动) and venue attendance. */
export interface ActivityActionMap {
  'activities.post': Io<typeof postActivityInput, { activity: ActivityView }>;
  'activities.list': Io<typeof listActivitiesInput, ActivityListView>;
  'activities.get': Io<typeof activityRefInput, { activity: ActivityView }>;
  'activities.venueCode': Io<typeof venueCodeInput, VenueCodeView>;
  'activities.attend': Io<typeof attendInput, { activity: ActivityView; alreadyCheckedIn: boolean }>;
}
