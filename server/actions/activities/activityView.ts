import type { ActivityView, AttendanceView } from '../../../src/contract/activities';
import { attendanceFlagLabels, distanceLabel, lateLabel } from '../../../src/domain/activities/attendanceFlags';
import { isOffice } from '../../../src/domain/access/policy';
import type { ActivityAttendance, ActivityDocument } from '../../db/documents';
import { subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { sideOf } from './sideOf';

function attendanceView(entry: ActivityAttendance, reviewer: boolean): AttendanceView {
  const base = { name: entry.name, side: entry.side, at: new Date(entry.at).toISOString() };
  if (!reviewer) return base;
  const distance = entry.distanceMetres === undefined || entry.distanceMetres === null ? null : distanceLabel(entry.distanceMetres);
  const flags = entry.flags ?? [];
  const late = flags.includes('scannedLate') && entry.codeAgeSeconds !== undefined ? { late: lateLabel(entry.codeAgeSeconds) } : {};
  return { ...base, review: { flags: flags.map((flag) => attendanceFlagLabels[flag]), distance, ...late } };
}

/**
 * A joint activity as pages see it: never its secret, nor anyone's position; `organiser` when the caller
 * is on the unit side. The organiser and the offices also see each scan's review flags and distance.
 */
export function activityView(activity: ActivityDocument, caller: Pick<Caller, 'grants'>): ActivityView {
  const organiser = sideOf(caller, activity) === 'unit';
  const reviewer = organiser || isOffice(subjectOfCaller(caller));
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
    attendance: activity.attendance.map((entry) => attendanceView(entry, reviewer)),
    organiser,
    recordId: activity.recordId,
  };
}
