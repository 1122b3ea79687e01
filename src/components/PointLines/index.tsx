import { Text, View } from '@tarojs/components';
import type { PendingLineView, PointLineView } from '../../contract/points';
import { recordStates } from '../../domain/records/stateMachine';
import { pointsText, sourceText } from '../pointsText';
import './index.css';

/** Every line of a unit's points: what, from which record (or period, or round), under which rule and version, and any cap. */
export function PointLines({ lines }: { readonly lines: readonly PointLineView[] }) {
  if (lines.length === 0) return <Text className='card__text'>还没有计分的内容。</Text>;
  return (
    <View className='points-lines' id='point-lines'>
      {lines.map((line, index) => (
        <View key={`${line.ruleKey}-${line.date}-${index}`} className='points-line' id={`line-${index}`}>
          <View className='points-line__head'>
            <Text className='points-line__rule'>{line.ruleLabel}</Text>
            <Text className={`points-line__points${line.points < 0 ? ' points-line__points--minus' : ''}`}>{pointsText(line.points)}</Text>
          </View>
          <Text className='points-line__source'>
            {line.date} · {sourceText(line)}
          </Text>
          <Text className='points-line__note'>{line.note}</Text>
          <Text className='points-line__version'>
            {line.versionLabel}
            {line.cap ? ` · 已达${line.cap.by === 'year' ? '全年' : '本项'}上限 ${line.cap.limit} 分` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** Records (and rounds) that will count once confirmed (or closed), shown apart. */
export function PendingLines({ pending }: { readonly pending: readonly PendingLineView[] }) {
  if (pending.length === 0) return <Text className='card__text'>没有待确认的记录。</Text>;
  return (
    <View className='points-lines' id='pending-lines'>
      {pending.map((line, index) => (
        <View key={index} className='points-line points-line--pending'>
          <View className='points-line__head'>
            <Text className='points-line__rule'>{line.state === 'evaluationOpen' ? '评议进行中' : recordStates[line.state]}</Text>
            <Text className='points-line__points'>暂不计分</Text>
          </View>
          <Text className='points-line__source'>
            {line.source.type === 'record' ? `${line.source.date} · ` : ''}
            {sourceText(line)}
          </Text>
          <Text className='points-line__note'>{line.note}</Text>
        </View>
      ))}
    </View>
  );
}
