import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { RuleSourceView, RulesOutput } from '../../../contract/points';
import { sourceOn } from '../../../domain/points/versions';
import { callAction } from '../../../client/callAction';
import { ActionButton } from '../../../components/ActionButton';
import { DatePicker } from '../../../components/DatePicker';
import { FormField } from '../../../components/FormField';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';

function currentText(run: RuleSourceView): string {
  if (run.source === 'street') return `本街道安排的单位现按本街道规则计分：${run.label ?? '本街道的版本'}，自 ${run.from} 起。区此后发布的新版本不会替换本街道规则。`;
  if (!run.label) return '本街道安排的单位现采用区的积分规则（本街道尚未制定自己的版本）。';
  return `本街道安排的单位自 ${run.from} 起采用区的积分规则${run.savedBy ? `（${run.savedBy}保存）` : ''}。`;
}

const upcomingText = (run: RuleSourceView) =>
  run.source === 'street' ? `自 ${run.from} 起改按本街道规则计分（${run.label ?? '本街道的版本'}）。` : `自 ${run.from} 起改为采用区的积分规则；此前的记录仍按本街道规则计分。`;

/**
 * For a street's scope: whose rules its units follow now (本街道规则 or 采用区规则) and since when,
 * what is already decided for later, and — while the street's own rules apply — a way to adopt the
 * district's from a date.
 */
export function StreetRuleSource({ rules, onChanged }: { readonly rules: RulesOutput; readonly onChanged: () => void }) {
  const [effectiveFrom, setEffectiveFrom] = useState(rules.today);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const { sources, scope } = rules;
  if (scope.kind !== 'street' || sources.length === 0) return null;
  const current = sourceOn(sources, rules.today);
  const upcoming = sources.filter((run) => run.from > rules.today);
  const ownRulesAhead = sources[sources.length - 1]!.source === 'street';

  async function adopt(streetId: string) {
    const answer = await Taro.showModal({
      title: '改为采用区的积分规则',
      content: `自 ${effectiveFrom} 起，本街道安排的单位按区当时有效的积分规则及其以后的版本计分；此前的记录仍按本街道规则计分。确定吗？`,
      confirmText: '确定采用',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setMessage(null);
    const result = await callAction('points.adoptDistrictRules', { year: rules.year, streetId, effectiveFrom });
    setBusy(false);
    setMessage(result.ok ? { tone: 'success', text: `已改为自 ${effectiveFrom} 起采用区的积分规则` } : { tone: 'error', text: result.error.message });
    if (result.ok) onChanged();
  }

  return (
    <Section id='rule-source' title={current.source === 'street' ? '现行：本街道规则' : '现行：采用区的积分规则'}>
      <Text id='rule-source-now' className='card__text'>
        {currentText(current)}
      </Text>
      {upcoming.map((run) => (
        <Text key={run.from} id={`rule-source-${run.from}`} className='card__text'>
          {upcomingText(run)}
        </Text>
      ))}
      {rules.canEdit && ownRulesAhead ? (
        <>
          <FormField id='field-adopt-from' label='自哪一天起采用区的规则'>
            <DatePicker id='adopt-picker' value={effectiveFrom} start={rules.today} onChange={setEffectiveFrom} />
          </FormField>
          <ActionButton id='adopt-district' text='改为采用区的积分规则' variant='secondary' busy={busy} busyText='正在保存…' onTap={() => void adopt(scope.streetId)} />
        </>
      ) : null}
      {message ? <Notice id='adopt-message' tone={message.tone} text={message.text} /> : null}
    </Section>
  );
}
