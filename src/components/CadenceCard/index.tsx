import { Text, View } from '@tarojs/components';
import { cadenceItems, cadenceStatuses, type CadenceEntry } from '../../domain/cadence/cadence';
import { periodLabel } from '../../domain/time/periods';
import { shortDateLabel } from '../format';
import './index.css';

/** One item of 一月一到访、一季一活动、一年一总结: its status (label and colour) and due date. */
export function CadenceCard({ entry }: { readonly entry: CadenceEntry }) {
  return (
    <View className={`cadence-card cadence-card--${entry.status}`} id={`cadence-${entry.item}`}>
      <View className='cadence-card__head'>
        <Text className='cadence-card__title'>{cadenceItems[entry.item].label}</Text>
        <Text className='cadence-card__status'>{cadenceStatuses[entry.status]}</Text>
      </View>
      <Text className='cadence-card__due'>
        {periodLabel(entry.period)}
        {entry.status === 'done' || entry.status === 'notRequired' ? '' : ` · 截止 ${shortDateLabel(entry.dueDate)}`}
      </Text>
    </View>
  );
}
