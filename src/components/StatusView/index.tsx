import { Text, View } from '@tarojs/components';
import type { ErrorCode } from '../../contract/errors';
import { ActionButton } from '../ActionButton';
import { CalmState } from '../CalmState';
import './index.css';

export function LoadingView({ text = '正在加载…' }: { readonly text?: string }) {
  return (
    <View className='status-view'>
      <Text className='status-view__text'>{text}</Text>
    </View>
  );
}

/** A party leader whose leadership awaits approval: nothing is wrong, they wait (PENDING_APPROVAL). */
export function AwaitingApprovalState({ message }: { readonly message: string }) {
  return <CalmState id='awaiting-approval' title='正在等待审核' text={message} />;
}

export interface ErrorViewProps {
  /**
   * What failed: its Chinese message and, for an action's failure, its code. A whole ActionError is
   * passed, never just its message, because some codes are no error for the person
   * (PENDING_APPROVAL is shown calmly).
   */
  readonly error: { readonly message: string; readonly code?: ErrorCode };
  readonly onRetry: () => void;
}

/** A failure as a page shows it: calmly when it is no error for the person, else with 重试. */
export function ErrorView({ error, onRetry }: ErrorViewProps) {
  const { message, code } = error;
  if (code === 'PENDING_APPROVAL') return <AwaitingApprovalState message={message} />;
  return (
    <View className='status-view status-view--error'>
      <Text className='status-view__title'>出错了</Text>
      <Text className='status-view__text'>{message}</Text>
      <ActionButton id='retry' text='重试' onTap={onRetry} />
    </View>
  );
}
