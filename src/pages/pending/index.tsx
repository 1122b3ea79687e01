import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { pageUrl } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { useActionQuery } from '../../client/useActionQuery';
import { CalmState } from '../../components/CalmState';
import { RecordRow } from '../../components/RecordRow';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { LeaderRequestStatus } from './LeaderRequestStatus';
import { PageFooter } from '../../components/PageFooter';
import { ReminderToggle } from '../../components/ReminderToggle';

/** 待我确认: every record waiting for this party leader, oldest first; each opens the confirm page. */
export default function PendingPage() {
  const { state, reload } = useActionQuery('records.pending', {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, '/pages/pending/index');

  useDidShow(() => {
    if (state.status === 'ready') void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  let body;
  if (state.status === 'loading' || redirecting) {
    body = <LoadingView />;
  } else if (state.status === 'error') {
    // Not an approved leader (or waiting for approval): what became of their requests, calmly.
    body =
      state.error.code === 'FORBIDDEN' || state.error.code === 'PENDING_APPROVAL' ? (
        <LeaderRequestStatus refusal={state.error.message} />
      ) : (
        <ErrorView error={state.error} onRetry={() => void reload()} />
      );
  } else if (state.data.items.length === 0) {
    body = (
      <View>
        <CalmState id='pending-empty' tone='success' title='没有等待您确认的记录' text='有新记录时，单位会通过微信提醒、分享或二维码请您确认。' />
        <ReminderToggle kind='confirm' />
      </View>
    );
  } else {
    body = (
      <View>
        <Text className='page-subtitle'>共 {state.data.items.length} 条，点开即可确认</Text>
        <ReminderToggle kind='confirm' />
        {state.data.items.map((record) => (
          <RecordRow key={record.id} record={record} showUnit onOpen={() => void Taro.navigateTo({ url: pageUrl('/pages/confirm/index', { id: record.id }) })} />
        ))}
      </View>
    );
  }

  return (
    <View className='page pending-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
