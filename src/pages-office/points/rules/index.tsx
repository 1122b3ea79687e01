import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RuleSetView, YearSettingsView } from '../../../contract/points';
import { ruleLabel } from '../../../domain/points/rules';
import { sourceOn } from '../../../domain/points/versions';
import { callAction } from '../../../client/callAction';
import { ActionButton } from '../../../components/ActionButton';
import { Chips } from '../../../components/Chips';
import { DatePicker } from '../../../components/DatePicker';
import { FormField } from '../../../components/FormField';
import { Notice } from '../../../components/Notice';
import { PageFrame } from '../../../components/PageFrame';
import { Section } from '../../../components/Section';
import { OfficeWaitingView } from '../../shared/OfficeWaitingView';
import { useOfficeQuery } from '../../shared/useOfficeQuery';
import { RuleEditor } from './RuleEditor';
import { StreetRuleSource } from './StreetRuleSource';
import './index.css';

function RulesTable({ version }: { readonly version: RuleSetView }) {
  return (
    <View id={`version-${version.version}`}>
      {version.rules.map((rule, index) => (
        <View key={index} className='rules-table__row'>
          <Text>{ruleLabel(rule.target)}</Text>
          <Text className='rules-table__value'>
            {rule.target.type === 'deduction' ? `扣 ${rule.points}` : rule.points} 分{rule.latePoints !== undefined ? `（迟报 ${rule.latePoints}）` : ''}
            {rule.cap !== null ? ` · 上限 ${rule.cap}` : ''}
          </Text>
        </View>
      ))}
      <View className='rules-table__row'>
        <Text>全年积分上限</Text>
        <Text className='rules-table__value'>{version.yearCap ?? '不设'}</Text>
      </View>
    </View>
  );
}

function YearSettings({ year, settings, onSaved }: { readonly year: number; readonly settings: YearSettingsView; readonly onSaved: () => void }) {
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [deadline, setDeadline] = useState<string | null>(null);
  async function save(unitRankings: boolean, selfAssessmentDeadline: string) {
    setMessage(null);
    const result = await callAction('points.saveSettings', { year, unitRankings, selfAssessmentDeadline });
    setMessage(result.ok ? { tone: 'success', text: '已保存' } : { tone: 'error', text: result.error.message });
    if (result.ok) onSaved();
  }
  const chosenDeadline = deadline ?? settings.selfAssessmentDeadline;
  return (
    <Section id='year-settings' title='年度设置'>
      <FormField id='field-rankings' label='单位排名' hint='开启后仅党群共建办可见单位排名；任何情况下都不对个人排名（国办函〔2026〕12号）'>
        <Chips
          id='rankings'
          options={[
            { id: 'off', label: '不排名' },
            { id: 'on', label: '开启单位排名' },
          ]}
          selected={[settings.unitRankings ? 'on' : 'off']}
          onToggle={(id) => void save(id === 'on', chosenDeadline)}
        />
      </FormField>
      <FormField id='field-deadline' label='自评截止日期'>
        <DatePicker id='deadline-picker' value={chosenDeadline} onChange={setDeadline} />
      </FormField>
      <ActionButton id='save-deadline' text='保存截止日期' variant='secondary' onTap={() => void save(settings.unitRankings, chosenDeadline)} />
      {message ? <Notice id='settings-message' tone={message.tone} text={message.text} /> : null}
    </Section>
  );
}

function Rules() {
  /**
   * The street whose rules are shown, null for the district's; undefined until the person chooses: the
   * first screen asks for the caller's own (a street office's street's), in its one call.
   */
  const [streetId, setStreetId] = useState<string | null | undefined>(undefined);
  const input = streetId === undefined ? { own: true } : streetId ? { streetId } : {};
  const { state, reload } = useOfficeQuery('points.rules', input, { returnTo: '/pages-office/points/rules/index' });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  const district = state.viewer.subject.district;
  const street = state.viewer.grants.find((grant) => grant.role === 'streetOffice');
  const rules = state.data;
  const streetScope = rules.scope.kind === 'street';
  // A street's units may follow the district's version in force (采用区规则) rather than the street's own.
  const inForceKind = streetScope && rules.sources.length > 0 ? sourceOn(rules.sources, rules.today).source : streetScope ? 'street' : 'district';
  const current = rules.versions.find((version) => version.version === rules.inForce && version.scope.kind === inForceKind) ?? rules.versions[rules.versions.length - 1]!;
  return (
    <View>
      <Text className='page-title'>{rules.year}年度积分规则</Text>
      <Text className='page-subtitle'>{rules.scopeName} · 通知附件3未公布，以下为可调整的默认积分表</Text>
      {street ? (
        <Chips
          id='scope'
          options={[
            { id: 'district', label: '区级规则' },
            { id: 'street', label: `${street.scopeName}规则（本街道安排的单位）` },
          ]}
          selected={[streetScope ? 'street' : 'district']}
          onToggle={(id) => setStreetId(id === 'street' && street ? street.scopeId : null)}
        />
      ) : null}
      <Section id='versions' title='各版本'>
        {rules.versions.map((version) => (
          <Text key={`${version.scope.kind}-${version.version}`} className='card__text'>
            {version.label}
            {version.savedBy ? ` · ${version.savedBy}` : ''}
            {version.note ? ` · ${version.note}` : ''}
          </Text>
        ))}
      </Section>
      <StreetRuleSource rules={rules} onChanged={() => void reload()} />
      <Section id='in-force' title={`现行规则：${current.label}`}>
        <RulesTable version={current} />
      </Section>
      {rules.canEdit ? <RuleEditor key={`${rules.scope.kind}-${rules.versions.length}`} rules={rules} onSaved={() => void reload()} /> : <Notice tone='info' text='本级规则由区委党群共建办制定；街道可为本街道安排的单位制定自己的版本。' />}
      {district ? <YearSettings year={rules.year} settings={rules.settings} onSaved={() => void reload()} /> : null}
    </View>
  );
}

/** 积分规则: the versions of the rule set, the one in force, a new version, and the year's settings. */
export default function RulesPage() {
  return <PageFrame className='rules-page'><Rules /></PageFrame>;
}
