import { Text, View } from '@tarojs/components';
import type { HistoryEntryView } from '../../contract/records';
import { chinaDateTimeLabel } from '../format';
import './index.css';

const eventLabels: Record<HistoryEntryView['event'], string> = {
  create: '创建记录',
  edit: '修改内容',
  submit: '提交确认',
  confirm: '确认',
  dispute: '提出异议',
  revise: '发起修改',
};

const fieldLabels: Record<string, string> = {
  kind: '记录类型',
  date: '日期',
  contentAreas: '共建内容',
  content: '工作内容',
  results: '具体成效',
  participants: '参加人员',
  organisations: '党群组织',
  attachments: '附件',
  checkIn: '签到',
};

function describe(entry: HistoryEntryView): string {
  const version = entry.event === 'revise' ? `（第 ${entry.revision} 版）` : '';
  const fields = entry.changedFields && entry.changedFields.length > 0 ? `：${entry.changedFields.map((field) => fieldLabels[field] ?? field).join('、')}` : '';
  return `${entry.actorName} ${eventLabels[entry.event]}${version}${fields}`;
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
