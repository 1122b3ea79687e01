import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { InvitationView } from '../../contract/session';
import { callAction } from '../../client/callAction';
import { copyText } from '../../client/clipboard';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import './InvitationSection.css';

export interface InvitationSectionProps {
  readonly scopeType: 'unit' | 'org';
  readonly scopeId: string;
  readonly canRevoke: boolean;
}

/** The standing invitation (code and QR) of a unit or org; stopping it gives the next one a new code. */
export function InvitationSection({ scopeType, scopeId, canRevoke }: InvitationSectionProps) {
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  async function show() {
    setBusy(true);
    setMessage(null);
    const result = await callAction('session.invite', { scopeType, scopeId, withQrImage: true });
    setBusy(false);
    if (result.ok) setInvitation(result.data);
    else setMessage({ tone: 'error', text: result.error.message });
  }

  async function renew() {
    const answer = await Taro.showModal({ title: '停用邀请码', content: '停用后，旧邀请码和二维码都不能再用来加入（已加入的人员不受影响），并生成新的邀请码。', confirmText: '停用' });
    if (!answer.confirm) return;
    setBusy(true);
    const revoked = await callAction('admin.revokeInvitation', { scopeType, scopeId });
    setBusy(false);
    if (!revoked.ok) return setMessage({ tone: 'error', text: revoked.error.message });
    await show();
    setMessage({ tone: 'success', text: '旧邀请码已停用，这是新的邀请码' });
  }

  return (
    <Section id='invitation' title={scopeType === 'unit' ? '邀请同事加入' : '邀请党组织负责人加入'}>
      {message ? <Notice id='invitation-message' tone={message.tone} text={message.text} /> : null}
      {invitation ? (
        <View className='card' id='invitation-card'>
          <Text className='card__title' id='invitation-code'>
            邀请码：{invitation.code}
          </Text>
          <Text className='card__text'>打开“共建”小程序，在“加入共建”页输入邀请码，或扫描下方二维码。</Text>
          {invitation.qrImage ? <Image className='invitation-qr' src={invitation.qrImage} mode='aspectFit' ariaLabel='邀请二维码' /> : null}
          <View className='button-row'>
            <ActionButton id='copy-code' variant='secondary' text='复制邀请码' onTap={() => void copyText(invitation.code, '邀请码')} />
          </View>
        </View>
      ) : (
        <ActionButton id='show-invitation' text='显示邀请码和二维码' variant='secondary' busy={busy} busyText='正在生成…' onTap={() => void show()} />
      )}
      {canRevoke ? (
        <View className='button-row'>
          <ActionButton id='revoke-invitation' text='停用邀请码并换新' variant='secondary' busy={busy} onTap={() => void renew()} />
        </View>
      ) : null}
    </Section>
  );
}
