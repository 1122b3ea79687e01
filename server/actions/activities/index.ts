import { attend, getActivity, listActivities, postActivity, venueCode } from './actions';

export const activityActions = [postActivity, listActivities, getActivity, venueCode, attend];
