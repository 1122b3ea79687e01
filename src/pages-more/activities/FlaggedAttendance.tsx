import { Text } from '@tarojs/components';
import type { AttendanceView } from '../../contract/activities';
import { Notice } from '../../components/Notice';

export interface FlaggedAttendanceProps {
  readonly activityId: string;
  readonly attendance: readonly AttendanceView[];
}

/** For the organiser and the offices: the venue check-ins flagged for review (待核查), each with why. */
export function FlaggedAttendance({ activityId, attendance }: FlaggedAttendanceProps) {
  const flagged = attendance.filter((entry) => (entry.review?.flags.length ?? 0) > 0);
  if (flagged.length === 0) return null;
  return (
    <Notice id={`flagged-${activityId}`} tone='warning' title={`${flagged.length} 人的签到待核查`}>
      {flagged.map((entry, index) => (
        <Text key={`${entry.name}-${index}`} className='notice__text'>
          {entry.name}：{entry.review!.flags.join('、')}
          {entry.review!.distance ? `（${entry.review!.distance}）` : ''}
        </Text>
      ))}
    </Notice>
  );
}
