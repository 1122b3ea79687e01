import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ActionError } from '../../contract/errors';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { CheckInEvidence } from '../../components/CheckInEvidence';
import { RecordContent } from '../../components/RecordContent';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { BatchConfirm } from './BatchConfirm';
import { Decided } from './Decided';
import { DisputeForm } from './DisputeForm';
import { SupersededNotice } from './SupersededNotice';
import { targetOf, useConfirm } from './useConfirm';
import { PageFooter } from '../../components/PageFooter';
import './index.css';

/** Expected refusals become a calm page with the server's message; only the unexpected offers 重试. */
const calmTitles: Partial<Record<ActionError['code'], string>> = {
  ALREADY_DONE: '这条记录已经处理过了',
  EXPIRED: '链接已过期',
  FORBIDDEN: '暂时不能确认',
  NOT_FOUND: '找不到这条记录',
  CONFLICT: '记录有了新的变化',
  UNAUTHENTICATED: '请先加入“共建”',
  PENDING_APPROVAL: '正在等待审核',
};

/** 确认记录: the org's party leader reads the record at a glance and confirms with one tap, or disputes with a reason. */
export default function ConfirmPage() {
  const params = usePageParams();
  const target = targetOf(params);
  const { state, busy, confirm, dispute, reload } = useConfirm(target);
  const [disputing, setDisputing] = useState(false);
  const returnTo = target === null ? undefined : 'token' in target ? pageUrl('/pages/confirm/index', { t: target.token }) : pageUrl('/pages/confirm/index', { id: target.recordId });
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, returnTo);

  let body;
  if (params['batch'] === '1') {
    // 逐条确认 from home: several waiting records in one pass, each shown.
    body = <BatchConfirm />;
  } else if (target === null) {
    body = <CalmState id='confirm-no-target' title='链接不完整' text='请重新打开单位发来的确认链接或扫描二维码。' />;
  } else if (state.status === 'loading' || redirecting) {
    body = <LoadingView />;
  } else if (state.status === 'error') {
    const title = calmTitles[state.error.code];
    body = title ? <CalmState id={`confirm-${state.error.code}`} title={title} text={state.error.message} /> : <ErrorView error={state.error} onRetry={() => void reload()} />;
  } else if (state.status === 'decided') {
    body = <Decided decision={state.decision} />;
  } else {
    const { record, canConfirm, reason, superseded } = state.view;
    body = (
      <View>
        {superseded ? <SupersededNotice superseded={superseded} revision={record.revision} /> : null}
        {canConfirm ? (
          <Text className='confirm-page__ask'>{record.unitName} 请您确认这条共建记录是否属实：</Text>
        ) : (
          <CalmState id='confirm-not-needed' title={record.state === 'confirmed' ? '这条记录已经确认过了' : '暂时不需要您确认'} text={reason} />
        )}
        <RecordContent record={record} />
        {record.checkIn ? (
          <View className='card'>
            <CheckInEvidence checkIn={record.checkIn} />
          </View>
        ) : null}
        {canConfirm ? (
          <View className='confirm-page__actions'>
            <ActionButton id='confirm-submit' text='确认' busy={busy === 'confirm'} busyText='正在确认…' onTap={() => void confirm()} />
            {disputing ? (
              <DisputeForm busy={busy === 'dispute'} onSend={dispute} onCancel={() => setDisputing(false)} />
            ) : (
              <ActionButton id='dispute-open' text='有异议' variant='secondary' onTap={() => setDisputing(true)} />
            )}
          </View>
        ) : null}
      </View>
    );
  }

  return (
    <View className='page confirm-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
