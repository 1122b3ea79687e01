import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { planStateLabels, planTimingLabels, planTimingOrder } from '../../domain/admin/workPlans';
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
import { Pager } from '../shared/Pager';
import { usePagedOfficeQuery } from '../shared/usePagedOfficeQuery';

const subjectOptions = [
  { id: 'unit' as const, label: '单位工作方案' },
  { id: 'street' as const, label: '街道结对安排' },
];

function Plans() {
  const [subjectType, setSubjectType] = useState<'unit' | 'street'>('unit');
  const [timing, setTiming] = useState<PlanTiming | undefined>(undefined);
  const { state, reload, turning, turnTo } = usePagedOfficeQuery('plans.list', { subjectType, ...(timing ? { timing } : {}) }, { returnTo: '/pages-office/plans/index' });
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
  const { year, deadline, slots, page, counts, canSetDeadline } = state.data;
  const all = planTimingOrder.reduce((sum, key) => sum + counts[key], 0);
  const timingOptions = [{ id: 'all' as const, label: `全部（${all}）` }, ...planTimingOrder.map((key) => ({ id: key, label: `${planTimingLabels[key]}（${counts[key]}）` }))];
  return (
    <View>
      <Text className='page-title'>{year} 年度工作方案</Text>
      <Chips
        id='plan-subject'
        options={subjectOptions}
        selected={[subjectType]}
        onToggle={(option) => {
          setSubjectType(option);
          setTiming(undefined);
        }}
      />
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
      <Section id='plan-slots' title={`${subjectType === 'unit' ? '各单位' : '各街道'}（${page.total}）`}>
        {all > 0 ? <Chips id='plan-timing' options={timingOptions} selected={[timing ?? 'all']} onToggle={(option) => setTiming(option === 'all' ? undefined : option)} /> : null}
        {all === 0 ? <Text className='muted'>本年度还没有结对，导入结对表后这里会列出各单位。</Text> : null}
        {all > 0 && page.total === 0 ? <Text className='muted'>没有{timing ? planTimingLabels[timing] : ''}的{subjectType === 'unit' ? '单位' : '街道'}。</Text> : null}
        {slots.map((slot) => (
          <LinkRow
            key={slot.subjectId}
            id={`slot-${slot.subjectId}`}
            text={slot.subjectName}
            detail={`${planTimingLabels[slot.timing]}${slot.plan ? ` · ${planStateLabels[slot.plan.state]}` : ''}`}
            onTap={() => (slot.plan ? void Taro.navigateTo({ url: pageUrl('/pages-office/plan-review/index', { id: slot.plan.id }) }) : setMessage({ tone: 'error', text: `${slot.subjectName}还没有提交方案` }))}
          />
        ))}
        <Pager id='plan-slots-pager' page={page} unit={subjectType === 'unit' ? '个单位' : '个街道'} busy={turning} onTurn={turnTo} />
      </Section>
    </View>
  );
}

/** 工作方案: every unit's (or street's) plan of the year, a page at a time, late ones first; the district sets the deadline. */
export default function PlansPage() {
  return <PageFrame className='plans-page'><Plans /></PageFrame>;
}
