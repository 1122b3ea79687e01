import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { AssessmentView } from '../../contract/points';
import { chinaDate } from '../../domain/time/chinaLabels';
import { callAction } from '../../client/callAction';
import { pageUrl } from '../../client/pageParams';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { Pager } from '../shared/Pager';
import { PointsTableRow } from '../shared/PointsTableRow';
import { usePagedOfficeQuery } from '../shared/usePagedOfficeQuery';
import { Commendations } from './Commendations';
import { StreetChecks } from './StreetChecks';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

function Totals({ view, onTurn, turning }: { readonly view: AssessmentView; readonly onTurn: (offset: number) => void; readonly turning: boolean }) {
  return (
    <View>
      <Section id='street-totals' title='各街道合计'>
        {view.streets.map((street) => (
          <PointsTableRow key={street.streetId} id={`street-${street.streetId}`} name={street.streetName} meta={`${street.units} 个单位 · 平均 ${street.average ?? '—'} 分 · 节奏完成率 ${percent(street.completionRate)}`} total={street.total} />
        ))}
      </Section>
      <Section id='unit-totals' title={`各单位积分（${view.page.total}）${view.rankingsOn ? ' · 已开启单位排名' : ''}`}>
        {view.units.map((unit) => (
          <PointsTableRow
            key={unit.unitId}
            id={`assessed-${unit.unitId}`}
            name={unit.unitName}
            meta={`${unit.streetName} · ${unit.selfAssessed ? '已自评' : '未自评'}`}
            total={unit.total}
            rank={view.rankingsOn ? unit.rank : undefined}
            onTap={() => void Taro.navigateTo({ url: pageUrl('/pages-office/points/unit/index', { unit: unit.unitId }) })}
          />
        ))}
        <Pager id='unit-totals-pager' page={view.page} unit='个单位' busy={turning} onTurn={onTurn} />
      </Section>
    </View>
  );
}

function Assessment() {
  const { state, reload, turning, turnTo } = usePagedOfficeQuery('points.assessment', {}, { returnTo: '/pages-office/assessment/index' });
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} loadingText='正在汇总年度考核…' />;
  const view = state.data;
  async function close() {
    const confirm = await Taro.showModal({ title: '关闭年度考核', content: `关闭后${view.year}年度的积分规则、自评、检查和表彰名单都不能再修改。确定关闭吗？` });
    if (!confirm.confirm) return;
    const result = await callAction('points.closeYear', { year: view.year });
    setMessage(result.ok ? { tone: 'success', text: '年度考核已关闭' } : { tone: 'error', text: result.error.message });
    if (result.ok) void reload();
  }
  return (
    <View>
      <Text className='page-title'>
        {view.scopeName}
        {view.year}年度考核
      </Text>
      <Text className='page-subtitle'>总积分纳入领导班子年度综合考核，并作为评优依据{view.closedAt ? ` · 已于 ${chinaDate(view.closedAt)} 关闭` : ''}</Text>
      <Totals view={view} onTurn={turnTo} turning={turning} />
      <StreetChecks view={view} onSaved={() => void reload()} />
      <Commendations view={view} onSaved={() => void reload()} />
      {view.canEdit ? <ActionButton id='close-year' text='关闭本年度考核' variant='secondary' onTap={() => void close()} /> : null}
      {message ? <Notice id='close-message' tone={message.tone} text={message.text} /> : null}
    </View>
  );
}

/** 年度考核: totals per unit and per street, the district's check of each street, the commendation list. */
export default function AssessmentPage() {
  return <PageFrame className='assessment-page'><Assessment /></PageFrame>;
}
