import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MyLeaderRequestView } from '../../contract/adminLeaders';
import { errorMessages } from '../../contract/errors';
import { callAction } from '../../client/callAction';
import { useActionQuery } from '../../client/useActionQuery';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { chinaDateTimeLabel } from '../../components/format';
import { Notice } from '../../components/Notice';
import { ErrorView, AwaitingApprovalState, LoadingView } from '../../components/StatusView';

function RefusedRequest({ request, onReapplied }: { readonly request: Extract<MyLeaderRequestView, { state: 'refused' }>; readonly onReapplied: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function reapply() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await callAction('admin.reapplyLeader', { orgId: request.orgId });
    setBusy(false);
    if (result.ok) onReapplied();
    else setError(result.error.message);
  }
  return (
    <CalmState id={`leader-refused-${request.orgId}`} title='您的负责人申请未通过' text={`${request.orgName} 党组织负责人`}>
      <View className='card'>
        <Text className='card__text'>退回原因：{request.reason}</Text>
        <Text className='card__text'>
          {request.refusedByName} 于 {chinaDateTimeLabel(request.refusedAt)} 退回
        </Text>
      </View>
      {error ? <Notice tone='error' text={error} /> : null}
      <ActionButton id={`reapply-${request.orgId}`} text='重新申请' busy={busy} busyText='正在提交…' onTap={() => void reapply()} />
    </CalmState>
  );
}

/**
 * For someone who is not (yet) an approved party leader: their requests — waiting for approval, or
 * refused with the reason and 重新申请 — or, with none, that the page is for party leaders.
 */
export function LeaderRequestStatus({ refusal }: { readonly refusal: string }) {
  const { state, reload } = useActionQuery('admin.myLeaderRequests', {});
  if (state.status === 'loading') return <LoadingView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  if (state.data.items.length === 0) return <CalmState id='pending-not-leader' title='此页面供“两新”组织党组织负责人使用' text={refusal} />;
  return (
    <View>
      {state.data.items.map((request) =>
        request.state === 'waiting' ? (
          <View key={request.orgId} id={`leader-waiting-${request.orgId}`}>
            <AwaitingApprovalState message={`${request.orgName} 党组织负责人：${errorMessages.PENDING_APPROVAL}`} />
          </View>
        ) : (
          <RefusedRequest key={request.orgId} request={request} onReapplied={() => void reload()} />
        ),
      )}
    </View>
  );
}
