import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { askForConfirmReminder, canSubscribe } from '../../client/subscribe';
import { useActionQuery } from '../../client/useActionQuery';
import { pageUrl } from '../../client/pageParams';

/** What else waits for this leader, to go on with after deciding (as approvals in WeCom/DingTalk offer the next one). */
function NextWaiting() {
  const { state } = useActionQuery('records.pending', {});
  if (state.status !== 'ready' || state.data.items.length === 0) return null;
  const [next] = state.data.items;
  return <ActionButton id='confirm-next' text={`还有 ${state.data.items.length} 条等您确认：下一条`} onTap={() => void Taro.redirectTo({ url: pageUrl('/pages/confirm/index', { id: next!.id }) })} />;
}

/** After the leader decided: the next record waiting for them, and in the mini-program the next 待确认提醒. */
export function Decided({ decision }: { readonly decision: 'confirm' | 'dispute' }) {
  const [asked, setAsked] = useState(false);

  async function subscribe() {
    const allowed = await askForConfirmReminder();
    setAsked(true);
    void Taro.showToast({ title: allowed ? '下次有记录待确认时会提醒您' : '未开启提醒', icon: 'none' });
  }

  return (
    <CalmState
      id={decision === 'confirm' ? 'confirmed' : 'disputed'}
      tone={decision === 'confirm' ? 'success' : 'neutral'}
      title={decision === 'confirm' ? '已确认，谢谢！' : '已提出异议'}
      text={decision === 'confirm' ? '单位会看到您的确认。' : '单位会看到您的理由，修改后会重新请您确认。'}
    >
      <NextWaiting />
      {canSubscribe() && !asked ? <ActionButton id='subscribe-reminder' text='接收下次确认提醒' variant='secondary' onTap={() => void subscribe()} /> : null}
      <ActionButton id='back-home' text='返回首页' variant='secondary' onTap={() => void Taro.reLaunch({ url: '/pages/home/index' })} />
    </CalmState>
  );
}
