import { Text, View } from '@tarojs/components';
import type { RecordSummary } from '../../contract/records';
import { StateBadge } from '../StateBadge';
import { shortDateLabel } from '../format';
import './index.css';

export interface RecordRowProps {
  readonly record: RecordSummary;
  readonly onOpen: () => void;
  /** Show which unit wrote it (for party leaders and offices). */
  readonly showUnit?: boolean;
}

/** One record in a list: date, title, state; the whole row opens it. */
export function RecordRow({ record, onOpen, showUnit = false }: RecordRowProps) {
  return (
    <View id={`record-${record.id}`} className='record-row' hoverClass='record-row--pressed' ariaRole='button' onClick={onOpen}>
      <View className='record-row__head'>
        <Text className='record-row__date'>{shortDateLabel(record.date)}</Text>
        <StateBadge state={record.state} />
      </View>
      <Text className='record-row__title'>{record.title}</Text>
      {showUnit ? <Text className='record-row__meta'>{record.unitName}</Text> : null}
      {record.flagged ? <Text className='record-row__meta'>签到信息待核对</Text> : null}
    </View>
  );
}
