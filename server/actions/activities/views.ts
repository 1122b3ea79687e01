import type { ActivityView } from '../../../src/contract/records';
import type { ActivityDocument } from '../../db/documents';
import type { Caller } from '../../runtime/context';

export function activityView(activity: ActivityDocument, caller: Caller): ActivityView {
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
    organiser: caller.grants.some((grant) => (grant.role === 'unitStaff' || grant.role === 'unitHead') && grant.scopeId === activity.unitId),
    recordId: activity.recordId,
  };
}
