import { attend } from './attend';
import { postActivity } from './post';
import { getActivity, listActivities } from './read';
import { venueCode } from './venueCode';

export const activityActions = [postActivity, listActivities, getActivity, venueCode, attend];
