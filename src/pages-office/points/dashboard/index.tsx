import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DashboardView } from '../../../contract/points';
import { Chips } from '../../../components/Chips';
import { PageFrame } from '../../../components/PageFrame';
import { Section } from '../../../components/Section';
import { OfficeWaitingView } from '../../shared/OfficeWaitingView';
import { useOfficeQuery } from '../../shared/useOfficeQuery';
import './index.css';

const segments = [
  { key: 'done', label: '按时完成' },
  { key: 'late', label: '迟报' },
  { key: 'pending', label: '待确认' },
  { key: 'missing', label: '缺失' },
] as const;

function MonthChart({ months }: { readonly months: DashboardView['months'] }) {
  return (
    <View>
      <View className='chart-months' id='chart-months'>
        {months.map((month) => (
          <View key={month.month} className='chart-month' id={`month-${month.month}`} ariaLabel={`${month.month}月：完成 ${month.done + month.late}/${month.required}`}>
            <Text className='chart-month__rate'>{month.rate === null ? '' : `${Math.round(month.rate * 100)}%`}</Text>
            <View className='chart-month__stack'>
              {month.required > 0
                ? segments.map((segment) => <View key={segment.key} className={`chart-seg--${segment.key}`} style={{ height: `${(month[segment.key] / month.required) * 100}%` }} />)
                : null}
            </View>
            <Text className='chart-month__label'>{month.month}</Text>
          </View>
        ))}
      </View>
      {/* Month numbers only under the bars: "12月" wraps in a bar's width and shortens the bars. */}
      <Text className='chart-axis'>月份（柱顶为完成率）</Text>
      <View className='chart-legend'>
        {segments.map((segment) => (
          <Text key={segment.key}>
            <Text className={`chart-legend__swatch chart-seg--${segment.key}`} />
            {segment.label}
          </Text>
        ))}
      </View>
    </View>
  );
}

function Bars({ id, items }: { readonly id: string; readonly items: ReadonlyArray<{ readonly key: string; readonly label: string; readonly value: number; readonly text: string }> }) {
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <View id={id}>
      {items.map((item) => (
        <View key={item.key} className='chart-bar' id={`${id}-${item.key}`}>
          <View className='chart-bar__label'>
            <Text>{item.label}</Text>
            <Text>{item.text}</Text>
          </View>
          <View className='chart-bar__track'>
            <View className='chart-bar__fill' style={{ width: `${(item.value / max) * 100}%` }} />
          </View>
        </View>
      ))}
    </View>
  );
}

function Dashboard() {
  const [streetId, setStreetId] = useState<string | undefined>(undefined);
  const { state, reload } = useOfficeQuery('points.dashboard', streetId ? { streetId } : {}, { returnTo: '/pages-office/points/dashboard/index' });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} loadingText='正在汇总…' />;
  const { data: view, viewer } = state;
  const streets = viewer.grants.filter((grant) => grant.role === 'streetOffice');
  return (
    <View>
      <Text className='page-title'>
        {view.scopeName}
        {view.year}年度数据看板
      </Text>
      <Text className='page-subtitle'>{view.units} 个单位 · 只统计单位，不统计个人</Text>
      {!viewer.subject.district && streets.length > 1 ? (
        <Chips id='street' options={streets.map((grant) => ({ id: grant.scopeId, label: grant.scopeName }))} selected={[streetId ?? streets[0]!.scopeId]} onToggle={setStreetId} />
      ) : null}
      <Section id='months' title='每月到访完成情况'>
        <MonthChart months={view.months} />
      </Section>
      <Section id='areas' title='各项共建内容积分'>
        <Bars id='area' items={view.areas.map((area) => ({ key: area.area, label: area.label, value: area.points, text: `${area.points} 分` }))} />
      </Section>
      <Section id='evaluations' title='评议结果'>
        {view.evaluations.map((round) => (
          <View key={round.round} id={`evaluation-${round.round}`}>
            <Text className='card__text'>
              {round.label}：{round.units === 0 ? '尚无结果' : `${round.units} 个单位，平均 ${round.average} 分`}
            </Text>
            {round.units > 0 ? <Bars id={`bands-${round.round}`} items={round.bands.map((band, index) => ({ key: String(index), label: band.label, value: band.units, text: `${band.units} 个单位` }))} /> : null}
          </View>
        ))}
      </Section>
    </View>
  );
}

/** 数据看板: cadence completion by month, points by content area, evaluation results; a street office sees its street only. */
export default function DashboardPage() {
  return <PageFrame className='dashboard-page'><Dashboard /></PageFrame>;
}
