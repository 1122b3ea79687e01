import { Text } from '@tarojs/components';
import { recordStates, type RecordState } from '../../domain/records/stateMachine';
import './index.css';

/** A record's state as a coloured label (草稿 / 待确认 / 已确认 / 有异议 / 修改中). */
export function StateBadge({ state }: { readonly state: RecordState }) {
  return <Text className={`state-badge state-badge--${state}`}>{recordStates[state]}</Text>;
}
