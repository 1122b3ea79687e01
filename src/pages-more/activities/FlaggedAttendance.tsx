import { Text } from '@tarojs/components';
import type { AttendanceView } from '../../contract/activities';
import { Notice } from '../../components/Notice';

export interface FlaggedAttendanceProps {
  readonly activityId: string;
  readonly attendance: readonly AttendanceView[];
}

/** "（约 30.7 公里；出示约 5 分钟后扫码）": how far and how late, when known. */
function details(review: NonNullable<AttendanceView['review']>): string {
  const parts = [review.distance, review.late].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? `（${parts.join('；')}）` : '';
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
          {details(entry.review!)}
        </Text>
      ))}
    </Notice>
  );
}
