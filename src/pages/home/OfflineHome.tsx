import { Text, View } from '@tarojs/components';
import { queuedSubmissions } from '../../client/recordQueue';
import { ActionButton } from '../../components/ActionButton';
import { QueueNotice } from './QueueNotice';

/**
 * Home without a network: what waits on the phone stays in view (nothing is lost), and the page
 * reloads by itself when the network is back (the home page listens); 重试 does it at once.
 */
export function OfflineHome({ message, onRetry }: { readonly message: string; readonly onRetry: () => void }) {
  const items = queuedSubmissions();
  return (
    <View id='home-offline'>
      <View className='card'>
        <Text className='card__title'>暂时无法连接</Text>
        <Text className='card__text'>{message}</Text>
        <Text className='card__text' id='home-offline-hint'>
          {items.length > 0 ? '联网后本页会自动刷新，手机上保存的记录会自动提交。' : '联网后本页会自动刷新。'}
        </Text>
      </View>
      <QueueNotice items={items} />
      <ActionButton id='retry' text='重试' variant='secondary' onTap={onRetry} />
    </View>
  );
}
