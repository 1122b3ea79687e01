import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { recordKinds } from '../../domain/records/catalog';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { CheckInEvidence } from '../../components/CheckInEvidence';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { Notice } from '../../components/Notice';
import { RecordContent } from '../../components/RecordContent';
import { Section } from '../../components/Section';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { chinaDateTimeLabel } from '../../components/format';
import { AuthorActions } from './AuthorActions';
import { OfficeChecks } from './OfficeChecks';
import { ReachLeader } from './ReachLeader';
import { useRecordPage } from './useRecordPage';
import { PageFooter } from '../../components/PageFooter';
import './index.css';

/** 记录详情: everything about one record, its evidence and history, and what can be done with it now. */
export default function RecordPage() {
  const params = usePageParams();
  const recordId = params['id'] ?? '';
  const { record, unitSide, link, linkError, reload } = useRecordPage(recordId);
  const { state } = record;
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, pageUrl('/pages/record/index', { id: recordId }));

  useShareAppMessage(() => {
    if (link === null || state.status !== 'ready') return { title: '共建', path: '/pages/home/index' };
    const { record: view } = state.data;
    return { title: `请确认：${view.unitName} ${recordKinds[view.kind]}（${view.date}）`, path: `/${link.path}` };
  });

  let body;
  if (state.status === 'loading' || redirecting) {
    body = <LoadingView />;
  } else if (state.status === 'error') {
    body =
      state.error.code === 'NOT_FOUND' || state.error.code === 'FORBIDDEN' ? (
        <CalmState id='record-unavailable' title='看不到这条记录' text={state.error.message} />
      ) : (
        <ErrorView error={state.error} onRetry={() => void reload()} />
      );
  } else {
    const { record: view, canConfirm } = state.data;
    body = (
      <View>
        {view.dispute && view.state !== 'confirmed' ? (
          <Notice id='dispute-reason' tone='error' title={`${view.dispute.by} 提出异议`} text={view.dispute.reason} />
        ) : null}
        {view.confirmed ? <Notice id='confirmed-by' tone='success' text={`已由 ${view.confirmed.by} 于 ${chinaDateTimeLabel(view.confirmed.at)} 确认`} /> : null}
        <RecordContent record={view} />
        {canConfirm ? (
          <ActionButton id='go-confirm' text='去确认' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/confirm/index', { id: view.id }) })} />
        ) : null}
        {unitSide && view.state === 'submitted' ? <ReachLeader recordId={view.id} link={link} linkError={linkError} /> : null}
        {unitSide ? <AuthorActions record={view} onChanged={() => void reload()} /> : null}
        <Section id='evidence' title='到访签到'>
          {view.checkIn ? (
            <View className='card'>
              <CheckInEvidence checkIn={view.checkIn} />
            </View>
          ) : (
            <View className='card'>
              <Text className='card__text'>这条记录没有附签到（签到不是必须的）。</Text>
            </View>
          )}
        </Section>
        {view.checks ? <OfficeChecks checks={view.checks} /> : null}
        <Section id='history-section' title='记录历史'>
          <HistoryTimeline history={view.history} />
        </Section>
      </View>
    );
  }

  return (
    <View className='page record-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
