import { Text, View } from '@tarojs/components';
import { ActionButton } from '../ActionButton';
import './index.css';

export function LoadingView({ text = '正在加载…' }: { readonly text?: string }) {
  return (
    <View className='status-view'>
      <Text className='status-view__text'>{text}</Text>
    </View>
  );
}

export interface ErrorViewProps {
  /** The Chinese message to show. */
  readonly message: string;
  readonly onRetry: () => void;
}

export function ErrorView({ message, onRetry }: ErrorViewProps) {
  return (
    <View className='status-view status-view--error'>
      <Text className='status-view__title'>出错了</Text>
      <Text className='status-view__text'>{message}</Text>
      <ActionButton id='retry' text='重试' onTap={onRetry} />
    </View>
  );
}
