import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { planStateLabels, planTimingLabels } from '../../domain/admin/workPlans';
import type { PlanTiming } from '../../domain/admin/workPlans';
import { callAction } from '../../client/callAction';
import { pageUrl } from '../../client/pageParams';
import { Chips } from '../../components/Chips';
import { DatePicker } from '../../components/DatePicker';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeQuery } from '../shared/useOfficeQuery';

const subjectOptions = [
  { id: 'unit' as const, label: '单位工作方案' },
  { id: 'street' as const, label: '街道结对安排' },
];
const timingOrder: readonly PlanTiming[] = ['overdue', 'late', 'dueSoon', 'open', 'onTime'];

function Plans() {
  const [subjectType, setSubjectType] = useState<'unit' | 'street'>('unit');
  const { state, reload } = useOfficeQuery('plans.list', { subjectType }, { returnTo: '/pages-office/plans/index' });
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  useDidShow(() => {
    if (state.status === 'ready') void reload();
  });

  async function setDeadline(year: number, deadline: string) {
    const result = await callAction('plans.setDeadline', { year, deadline });
    setMessage(result.ok ? { tone: 'success', text: `${year} 年度截止日期已设为 ${result.data.deadline}` } : { tone: 'error', text: result.error.message });
    if (result.ok) void reload();
  }

  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  const { year, deadline, slots, counts, canSetDeadline } = state.data;
  const sorted = [...slots].sort((a, b) => timingOrder.indexOf(a.timing) - timingOrder.indexOf(b.timing));
  return (
    <View>
      <Text className='page-title'>{year} 年度工作方案</Text>
      <Chips id='plan-subject' options={subjectOptions} selected={[subjectType]} onToggle={(option) => setSubjectType(option)} />
      {message ? <Notice id='plans-message' tone={message.tone} text={message.text} /> : null}
      <View className='card' id='plans-summary'>
        <Text className='card__title'>截止日期：{deadline}</Text>
        <Text className='card__text'>
          按时提交 {counts.onTime} · 逾期提交 {counts.late} · 逾期未交 {counts.overdue} · 即将截止 {counts.dueSoon} · 未到截止 {counts.open}
        </Text>
        {canSetDeadline ? (
          <DatePicker id='deadline-picker' rowId='set-deadline' text='修改截止日期' value={deadline} onChange={(date) => void setDeadline(year, date)} />
        ) : null}
      </View>
      <Section id='plan-slots' title={subjectType === 'unit' ? '各单位' : '各街道'}>
        {sorted.length === 0 ? <Text className='muted'>本年度还没有结对，导入结对表后这里会列出各单位。</Text> : null}
        {sorted.map((slot) => (
          <LinkRow
            key={slot.subjectId}
            id={`slot-${slot.subjectId}`}
            text={slot.subjectName}
            detail={`${planTimingLabels[slot.timing]}${slot.plan ? ` · ${planStateLabels[slot.plan.state]}` : ''}`}
            onTap={() => (slot.plan ? void Taro.navigateTo({ url: pageUrl('/pages-office/plan-review/index', { id: slot.plan.id }) }) : setMessage({ tone: 'error', text: `${slot.subjectName}还没有提交方案` }))}
          />
        ))}
      </Section>
    </View>
  );
}

/** 工作方案: every unit's (or street's) plan of the year, late ones as late; the district sets the deadline. */
export default function PlansPage() {
  return <PageFrame className='plans-page'><Plans /></PageFrame>;
}
