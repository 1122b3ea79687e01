import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { askForConfirmReminder, canSubscribe } from '../../client/subscribe';

/** After the leader decided; in the mini-program, offer to receive the next 待确认提醒. */
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
      {canSubscribe() && !asked ? <ActionButton id='subscribe-reminder' text='接收下次确认提醒' variant='secondary' onTap={() => void subscribe()} /> : null}
      <ActionButton id='back-home' text='返回首页' variant='secondary' onTap={() => void Taro.reLaunch({ url: '/pages/home/index' })} />
    </CalmState>
  );
}
