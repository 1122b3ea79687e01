import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { PlanView } from '../../contract/plans';
import { useSignInRedirect } from '../../client/signIn';
import { canSubscribe } from '../../client/subscribe';
import { requestSubscriptions } from '../../client/subscriptionAllowance';
import { useActionQuery } from '../../client/useActionQuery';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { Notice } from '../../components/Notice';
import { PageFooter } from '../../components/PageFooter';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { PlanEditor } from './PlanEditor';

/** 工作方案: the plans the person writes this year (their unit's; a street office's arrangement). */
export default function PlanPage() {
  const { state, reload } = useActionQuery('plans.mine', {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, '/pages-more/plan/index');
  /** Plans changed on this page since it loaded (the editor stays mounted, with its message). */
  const [changed, setChanged] = useState<Readonly<Record<string, PlanView>>>({});
  const [reminder, setReminder] = useState<string | null>(null);

  async function askReminder(templateId: string) {
    const answers = await requestSubscriptions([templateId]);
    setReminder(answers[templateId] === 'accept' ? '截止前会提醒您' : '未开启提醒');
  }

  let body;
  if (state.status === 'loading' || redirecting) body = <LoadingView />;
  else if (state.status === 'error') body = <ErrorView error={state.error} onRetry={() => void reload()} />;
  else if (state.data.slots.length === 0) body = <CalmState id='plan-none' title='您不需要编写工作方案' text='工作方案由机关、事业单位的党群工作人员编写；街道结对工作安排由街道党群共建办提交。' />;
  else {
    const { year, deadline, slots, reminderTemplateId } = state.data;
    body = (
      <View>
        <Text className='page-title'>{year} 年度工作方案</Text>
        <Text className='page-subtitle'>请于 {deadline} 前提交。</Text>
        {canSubscribe() ? <ActionButton id='plan-reminder' text='截止前提醒我' variant='secondary' onTap={() => void askReminder(reminderTemplateId)} /> : null}
        {reminder ? <Notice tone='info' text={reminder} /> : null}
        {slots.map((slot) => {
          const key = `${slot.subjectType}-${slot.subjectId}`;
          const plan = changed[key] ?? slot.plan;
          return <PlanEditor key={key} year={year} deadline={deadline} slot={{ ...slot, plan, timing: plan ? plan.timing : slot.timing }} onChanged={(next) => setChanged((previous) => ({ ...previous, [key]: next }))} />;
        })}
      </View>
    );
  }
  return (
    <View className='page plan-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
