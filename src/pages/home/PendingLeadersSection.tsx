import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PendingLeaderView } from '../../contract/session';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';

const keyOf = (leader: PendingLeaderView) => `${leader.personId}:${leader.orgId}`;

/** Org party leaders waiting for approval that this person may approve (unit side, offices), from the home answer. */
export function PendingLeadersSection({ leaders }: { readonly leaders: readonly PendingLeaderView[] }) {
  const [approved, setApproved] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const waiting = leaders.filter((leader) => !approved.includes(keyOf(leader)));
  if (waiting.length === 0 && approved.length === 0) return null;

  async function approve(leader: PendingLeaderView) {
    if (busy !== null) return;
    setBusy(keyOf(leader));
    setError(null);
    const result = await callAction('session.approveLeader', { personId: leader.personId, orgId: leader.orgId });
    setBusy(null);
    if (result.ok || result.error.code === 'ALREADY_DONE') {
      setApproved((keys) => [...keys, keyOf(leader)]);
      void Taro.showToast({ title: '已通过审核', icon: 'none' });
    } else {
      setError(result.error.message);
    }
  }

  return (
    <Section id='pending-leaders' title='待审核的负责人'>
      {error ? <Notice tone='error' text={error} /> : null}
      {waiting.length === 0 ? (
        <View className='card'>
          <Text className='card__text'>已全部审核。</Text>
        </View>
      ) : (
        waiting.map((leader) => (
          <View key={keyOf(leader)} className='card' id={`leader-${leader.personId}`}>
            <Text className='card__title'>{leader.name}</Text>
            <Text className='card__text'>{leader.orgName} 党组织负责人</Text>
            <ActionButton
              id={`approve-${leader.personId}`}
              text='通过'
              busy={busy === keyOf(leader)}
              busyText='正在提交…'
              onTap={() => void approve(leader)}
            />
          </View>
        ))
      )}
    </Section>
  );
}
