import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RoundListView, RoundSummaryView } from '../../contract/surveys';
import type { SurveyPeriod } from '../../domain/surveys/round';
import { surveyPeriodIds, surveyPeriods } from '../../domain/surveys/round';
import { callAction } from '../../client/callAction';
import { pageUrl } from '../../client/pageParams';
import { ActionButton } from '../../components/ActionButton';
import { Chips } from '../../components/Chips';
import { DatePicker } from '../../components/DatePicker';
import { FormField } from '../../components/FormField';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { phaseLabel } from '../../components/surveyLabels';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeQuery } from '../shared/useOfficeQuery';
import './index.css';

const openRound = (roundId: string) => void Taro.navigateTo({ url: pageUrl('/pages-office/surveys/round/index', { id: roundId }) });

function RoundRow({ round }: { readonly round: RoundSummaryView }) {
  return (
    <View id={`round-${round.id}`} className='card office-surveys__row' hoverClass='office-surveys__row--pressed' ariaRole='link' onClick={() => openRound(round.id)}>
      <Text className='card__title'>
        {round.label}（{round.scopeName}）
      </Text>
      <Text className='card__text'>{`${phaseLabel(round.phase)} · 截止 ${round.endDate}${round.pairingCount > 0 ? ` · ${round.pairingCount} 个结对` : ''}`}</Text>
    </View>
  );
}

function NewRound({ list }: { readonly list: RoundListView }) {
  const [period, setPeriod] = useState<SurveyPeriod>(list.suggested.period);
  const [year, setYear] = useState(list.suggested.year);
  const [endDate, setEndDate] = useState(list.suggested.endDate);
  const [scopeIndex, setScopeIndex] = useState(0);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const scope = list.scopes[scopeIndex];
  if (!scope) return null;

  async function create() {
    setBusy(true);
    setError(null);
    const result = await callAction('surveys.create', { period, year, endDate, ...(scope?.streetId ? { streetId: scope.streetId } : {}) });
    setBusy(false);
    if (result.ok) openRound(result.data.round.id);
    else setError({ ...(result.error.field ? { field: result.error.field } : {}), message: result.error.message });
  }

  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <Section id='new-round' title='发起评议'>
      <FormField id='field-period' label='评议类型' error={fieldError('period')}>
        <Chips id='period' options={surveyPeriodIds.map((id) => ({ id, label: surveyPeriods[id] }))} selected={[period]} onToggle={setPeriod} />
      </FormField>
      <FormField id='field-year' label='年度' error={fieldError('year')}>
        <Chips id='year' options={[list.suggested.year, list.suggested.year - 1].map((value) => ({ id: String(value), label: `${value} 年` }))} selected={[String(year)]} onToggle={(value) => setYear(Number(value))} />
      </FormField>
      {list.scopes.length > 1 ? (
        <FormField id='field-scope' label='范围' error={fieldError('streetId')}>
          <Chips id='scope' options={list.scopes.map((option, index) => ({ id: String(index), label: option.name }))} selected={[String(scopeIndex)]} onToggle={(value) => setScopeIndex(Number(value))} />
        </FormField>
      ) : (
        <Text className='card__text'>范围：{scope.name}</Text>
      )}
      <FormField id='field-endDate' label='截止日期' hint='当天 24:00 截止，截止后不再接收答卷' error={fieldError('endDate')}>
        <DatePicker id='end-date-picker' value={endDate} onChange={setEndDate} />
      </FormField>
      {error && !error.field ? <Text className='form-field__error'>{error.message}</Text> : null}
      <ActionButton id='create-round' text='创建草稿（使用默认问卷）' busy={busy} busyText='正在创建…' onTap={() => void create()} />
    </Section>
  );
}

function Rounds() {
  const { state, reload } = useOfficeQuery('surveys.list', {}, { returnTo: '/pages-office/surveys/index' });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  return (
    <View>
      <Text className='page-title'>评议管理</Text>
      <Text className='page-subtitle'>年中、年终组织“两新”组织对结对单位匿名评议，结果转化为积分。</Text>
      <Section id='rounds' title='评议轮次'>
        {state.data.items.length === 0 ? <Text className='card__text muted'>还没有评议。</Text> : state.data.items.map((round) => <RoundRow key={round.id} round={round} />)}
      </Section>
      <NewRound list={state.data} />
    </View>
  );
}

/** 评议管理: the rounds an office sees, and a new draft for its scope. */
export default function OfficeSurveysPage() {
  return <PageFrame className='office-surveys-page'><Rounds /></PageFrame>;
}
