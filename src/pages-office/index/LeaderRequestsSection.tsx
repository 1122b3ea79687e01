import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LeaderRequestView } from '../../contract/adminLeaders';
import { callAction } from '../../client/callAction';
import { Section } from '../../components/Section';
import { LeaderRequestCard } from './LeaderRequestCard';

const keyOf = (request: LeaderRequestView) => `${request.personId}:${request.orgId}`;

/** 待审核的组织负责人 on the workbench: each request (as the workbench's answer lists them) with who asks, approved or refused here. */
export function LeaderRequestsSection({ requests }: { readonly requests: readonly LeaderRequestView[] }) {
  const [done, setDone] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});

  async function decide(request: LeaderRequestView, reason: string | null) {
    if (busy !== null) return;
    const key = keyOf(request);
    setBusy(key);
    setErrors((shown) => ({ ...shown, [key]: '' }));
    const result = reason === null ? await callAction('session.approveLeader', { personId: request.personId, orgId: request.orgId }) : await callAction('admin.refuseLeader', { personId: request.personId, orgId: request.orgId, reason });
    setBusy(null);
    if (result.ok || result.error.code === 'ALREADY_DONE') {
      setDone((keys) => [...keys, key]);
      void Taro.showToast({ title: reason === null ? '已通过审核' : '已退回申请', icon: 'none' });
    } else {
      setErrors((shown) => ({ ...shown, [key]: result.error.message }));
    }
  }

  const waiting = requests.filter((request) => !done.includes(keyOf(request)));
  const body =
    waiting.length === 0 ? (
      <View className='card' id='leader-requests-none'>
        <Text className='card__text'>已全部审核。</Text>
      </View>
    ) : (
      waiting.map((request) => (
        <LeaderRequestCard
          key={keyOf(request)}
          request={request}
          busy={busy === keyOf(request)}
          error={errors[keyOf(request)] || null}
          onApprove={() => void decide(request, null)}
          onRefuse={(reason) => void decide(request, reason)}
        />
      ))
    );
  return (
    <Section id='leader-requests' title='审核组织负责人'>
      {body}
    </Section>
  );
}
