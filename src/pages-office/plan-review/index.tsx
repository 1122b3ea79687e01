import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { planStateLabels, planTimingLabels } from '../../domain/admin/workPlans';
import { callAction } from '../../client/callAction';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { TextAreaField } from '../../components/TextAreaField';
import { chinaDateTimeLabel } from '../../components/format';
import { PlanAttachments } from '../../components/PlanAttachments';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeQuery } from '../shared/useOfficeQuery';

function Review({ planId }: { readonly planId: string }) {
  const { state, reload } = useOfficeQuery('plans.get', { planId }, { returnTo: pageUrl('/pages-office/plan-review/index', { id: planId }) });
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function review(decision: 'accept' | 'return') {
    setBusy(true);
    setError(undefined);
    const result = await callAction('plans.review', { planId, decision, ...(comment.trim() ? { comment } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setDone(decision === 'accept' ? '已通过' : '已退回，单位会收到提醒');
    setComment('');
    void reload();
  }

  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  const { plan, canReview } = state.data;
  return (
    <View>
      <Text className='page-title'>{plan.subjectName}</Text>
      <Text className='page-subtitle'>
        {plan.year} 年度 · {planStateLabels[plan.state]} · {planTimingLabels[plan.timing]}（截止 {plan.deadline}）
      </Text>
      {done ? <Notice id='review-done' tone='success' text={done} /> : null}
      <View className='card' id='plan-text'>
        <Text className='card__text'>{plan.text}</Text>
        {plan.submittedAt ? <Text className='muted'>提交人：{plan.authorName} · {chinaDateTimeLabel(plan.submittedAt)}</Text> : null}
      </View>
      <PlanAttachments attachments={plan.attachments} />
      {plan.reviews.length > 0 ? (
        <Section id='plan-reviews' title='审阅意见'>
          {plan.reviews.map((item) => (
            <View key={item.at} className='card'>
              <Text className='card__title'>{item.decision === 'accept' ? '通过' : '退回'} · {item.byName}</Text>
              <Text className='card__text'>{item.comment || '（无意见）'}</Text>
              <Text className='muted'>{chinaDateTimeLabel(item.at)}</Text>
            </View>
          ))}
        </Section>
      ) : null}
      {canReview ? (
        <Section id='plan-review' title='审阅'>
          <TextAreaField id='review-comment' label='意见（退回时必填）' value={comment} max={1000} onChange={setComment} error={error} />
          <ActionButton id='accept-plan' text='通过' busy={busy} onTap={() => void review('accept')} />
          <View className='button-row'>
            <ActionButton id='return-plan' text='退回修改' variant='secondary' busy={busy} onTap={() => void review('return')} />
          </View>
        </Section>
      ) : null}
    </View>
  );
}

/** One plan: its text and attachments, reviews so far; the office accepts it or returns it with comments. */
export default function PlanReviewPage() {
  const params = usePageParams();
  const id = params['id'] ?? '';
  return <PageFrame className='plan-review-page'><Review planId={id} /></PageFrame>;
}
