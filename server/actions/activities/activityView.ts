import type { ActivityView } from '../../../src/contract/activities';
import type { ActivityDocument } from '../../db/documents';
import type { Caller } from '../../runtime/context';
import { sideOf } from './sideOf';

/** A joint activity as pages see it: never its secret; `organiser` when the caller is on the unit side. */
export function activityView(activity: ActivityDocument, caller: Pick<Caller, 'grants'>): ActivityView {
  return {
    id: activity._id,
    pairingId: activity.pairingId,
    unitName: activity.unitName,
    orgName: activity.orgName,
    title: activity.title,
    date: activity.date,
    startTime: activity.startTime,
    place: activity.place,
    agenda: activity.agenda,
    organiserName: activity.organiserName,
    attendance: activity.attendance.map((entry) => ({ name: entry.name, side: entry.side, at: new Date(entry.at).toISOString() })),
    organiser: sideOf(caller, activity) === 'unit',
    recordId: activity.recordId,
  };
}
