import { Text, View } from '@tarojs/components';
import type { CheckInView } from '../../contract/records';
import { checkInFlagLabels } from '../../domain/geo/geofence';
import { chinaDateTimeLabel, distanceLabel } from '../format';
import './index.css';

/**
 * A check-in as evidence: when, how far from the org, how precise. Flags are notes for whoever
 * reviews the record, never a failure: the check-in counts either way.
 */
export function CheckInEvidence({ checkIn }: { readonly checkIn: CheckInView }) {
  return (
    <View className='checkin-evidence' id='checkin-evidence'>
      <Text className='checkin-evidence__line'>签到时间：{chinaDateTimeLabel(checkIn.at)}</Text>
      <Text className='checkin-evidence__line'>距离组织：{distanceLabel(checkIn.distanceMetres)}</Text>
      <Text className='checkin-evidence__line'>定位精度：{distanceLabel(checkIn.accuracyMetres)}</Text>
      {checkIn.hasPhoto ? <Text className='checkin-evidence__line'>附有现场照片</Text> : null}
      {checkIn.flags.length > 0 ? (
        <View className='checkin-evidence__notes' id='checkin-review-notes'>
          <Text className='checkin-evidence__notes-title'>供核对的提示（不影响签到）</Text>
          {checkIn.flags.map((flag) => (
            <Text key={flag} className='checkin-evidence__note'>
              · {checkInFlagLabels[flag]}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
