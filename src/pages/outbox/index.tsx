import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { listOutbox, type OutboxMessage } from '../../client/localSession';
import { ActionButton } from '../../components/ActionButton';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { chinaDateTimeLabel } from '../../components/format';
import { PageFooter } from '../../components/PageFooter';

type OutboxState = { readonly status: 'loading' } | { readonly status: 'error'; readonly message: string } | { readonly status: 'ready'; readonly messages: readonly OutboxMessage[] };

function MessageCard({ message }: { readonly message: OutboxMessage }) {
  const { page } = message;
  return (
    <View className='card' id={`outbox-${message.id}`}>
      <Text className='card__title'>{chinaDateTimeLabel(message.sentAt)}</Text>
      <Text className='card__text'>收件人：{message.touser}</Text>
      <Text className='card__text'>模板：{message.templateId}</Text>
      {message.status === 'refused' ? <Text className='card__text'>未送达：对方未授权此消息（微信会回答 43101）</Text> : null}
      {/* The page and its query tell messages about different records apart (their fields can be the same). */}
      {page ? <Text className='card__text'>打开页面：{page}</Text> : null}
      {Object.entries(message.data).map(([key, field]) => (
        <Text key={key} className='card__text'>
          {key}：{field.value}
        </Text>
      ))}
      {page ? <ActionButton id={`outbox-open-${message.id}`} text='打开消息页面' variant='secondary' onTap={() => void Taro.navigateTo({ url: `/${page}` })} /> : null}
    </View>
  );
}

/** h5 only: the subscription messages the local cloud captured instead of sending through WeChat. */
export default function OutboxPage() {
  const [state, setState] = useState<OutboxState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', messages: await listOutbox() });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : '加载失败，请重试' });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  let body;
  if (state.status === 'loading') body = <LoadingView />;
  else if (state.status === 'error') body = <ErrorView error={{ message: state.message }} onRetry={() => void load()} />;
  else if (state.messages.length === 0) body = <Text className='card__text'>还没有发出的订阅消息。</Text>;
  else body = state.messages.map((message) => <MessageCard key={message.id} message={message} />);

  return (
    <View className='page outbox-page'>
      <View className='page__body'>
        <Text className='page-title'>本地订阅消息发件箱（仅本地环境）</Text>
        <Text className='page-subtitle'>正式小程序中，这些消息由微信送达；本地环境把它们收在这里。</Text>
        {body}
      </View>
      <PageFooter />
    </View>
  );
}
