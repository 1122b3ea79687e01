import { Text, View } from '@tarojs/components';
import type { HistoryEntryView } from '../../contract/records';
import { historyEvents, recordFieldLabels } from '../../domain/records/history';
import { chinaDateTimeLabel } from '../format';
import './index.css';

const fieldLabels: Readonly<Record<string, string>> = recordFieldLabels;

function describe(entry: HistoryEntryView): string {
  const version = entry.event === 'revise' ? `（第 ${entry.revision} 版）` : '';
  const fields = entry.changedFields && entry.changedFields.length > 0 ? `：${entry.changedFields.map((field) => fieldLabels[field] ?? field).join('、')}` : '';
  return `${entry.actorName} ${historyEvents[entry.event]}${version}${fields}`;
}

/** Who did what to a record, oldest first. */
export function HistoryTimeline({ history }: { readonly history: readonly HistoryEntryView[] }) {
  return (
    <View className='history' id='history'>
      {history.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className='history__entry'>
          <Text className='history__time'>{chinaDateTimeLabel(entry.at)}</Text>
          <Text className='history__text'>{describe(entry)}</Text>
          {entry.note ? <Text className='history__note'>{entry.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
