import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { ClaimableRuleView, SelfAssessmentView } from '../../../contract/points';
import { chinaDate } from '../../../domain/time/chinaLabels';
import { callAction } from '../../../client/callAction';
import { usePageParams } from '../../../client/pageParams';
import { useSignInRedirect } from '../../../client/signIn';
import { useActionQuery } from '../../../client/useActionQuery';
import { ActionButton } from '../../../components/ActionButton';
import { FormField } from '../../../components/FormField';
import { Notice } from '../../../components/Notice';
import { PageFooter } from '../../../components/PageFooter';
import { Section } from '../../../components/Section';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { TextAreaField } from '../../../components/TextAreaField';
import { SelfAssessmentComparison } from '../../../components/SelfAssessmentComparison';

type Draft = Record<string, { value: string; remark: string }>;

/** Prefilled with the computed points (nothing typed twice); deductions are entered as the points taken off. */
function initialDraft(view: SelfAssessmentView): Draft {
  const claimed = new Map(view.submitted?.items.map((item) => [item.ruleKey, item]) ?? []);
  return Object.fromEntries(
    view.claimable.map((rule) => {
      const item = claimed.get(rule.ruleKey);
      const value = item ? item.claimed : view.computed.byRule[rule.ruleKey] ?? 0;
      return [rule.ruleKey, { value: String(Math.abs(value)), remark: item?.remark ?? '' }];
    }),
  );
}

function ClaimRow({ rule, computed, draft, error, readOnly, onChange }: { readonly rule: ClaimableRuleView; readonly computed: number; readonly draft: { value: string; remark: string }; readonly error?: string; readonly readOnly: boolean; readonly onChange: (next: { value: string; remark: string }) => void }) {
  const bound = rule.deduction ? (rule.min === null ? '' : `最多扣 ${-rule.min} 分`) : rule.max === null ? '' : `最多 ${rule.max} 分`;
  const differs = Number(draft.value) !== Math.abs(computed);
  return (
    <FormField id={`claim-${rule.ruleKey}`} label={rule.label} hint={`系统计算 ${computed} 分${bound ? ` · ${bound}` : ''}${rule.deduction ? ' · 填写扣除的分数' : ''}`} error={error}>
      <Input id={`claim-${rule.ruleKey}-input`} className='form-input' type='digit' value={draft.value} disabled={readOnly} onInput={(event) => onChange({ ...draft, value: event.detail.value })} />
      {differs && !readOnly ? (
        <Input id={`claim-${rule.ruleKey}-remark`} className='form-input' placeholder='与计算结果不同，请说明理由' value={draft.remark} maxlength={200} onInput={(event) => onChange({ ...draft, remark: event.detail.value })} />
      ) : null}
    </FormField>
  );
}

/** 年度自评: the unit head claims the year's points with remarks by the deadline; everyone in the unit can read it. */
export default function SelfAssessmentPage() {
  const params = usePageParams();
  const unitId = params['unit'];
  const { state, reload } = useActionQuery('points.selfAssessment', unitId ? { unitId } : {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, '/pages-more/points/self-assessment/index');
  const [draft, setDraft] = useState<Draft>({});
  const [remarks, setRemarks] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const view = state.status === 'ready' ? state.data : undefined;

  useEffect(() => {
    if (!view) return;
    setDraft(initialDraft(view));
    setRemarks(view.submitted?.remarks ?? '');
  }, [view]);

  if (state.status === 'loading' || redirecting) return <LoadingView />;
  if (state.status === 'error' || !view) return <ErrorView error={state.status === 'error' ? state.error : { message: '' }} onRetry={() => void reload()} />;

  const readOnly = !view.canSubmit;
  async function submit() {
    if (!view) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    const items = view.claimable.map((rule) => {
      const entry = draft[rule.ruleKey] ?? { value: '0', remark: '' };
      const value = entry.value.trim() === '' ? 0 : Number(entry.value);
      return { ruleKey: rule.ruleKey, claimed: rule.deduction ? -Math.abs(value) : value, ...(entry.remark.trim() ? { remark: entry.remark.trim() } : {}) };
    });
    const result = await callAction('points.submitSelfAssessment', { unitId: view.unitId, year: view.year, items, remarks });
    setBusy(false);
    if (!result.ok) {
      setError({ ...(result.error.field ? { field: result.error.field } : {}), message: result.error.message });
      return;
    }
    setSaved(true);
    void reload();
  }
  // Until the effect above has copied them into the draft, rows show the prefilled values (no flash of 0).
  const prefilled = initialDraft(view);
  const rowError = (index: number) => (error?.field === `items.${index}.claimed` || error?.field === `items.${index}.ruleKey` ? error.message : undefined);

  return (
    <View className='page self-assessment-page'>
      <View className='page__body'>
        <Text className='page-title'>{view.year}年度自评</Text>
        <Text className='page-subtitle'>
          {view.unitName} · 截止 {view.deadline}
        </Text>
        {!view.open ? <Notice id='closed' tone='warning' text={`自评已于 ${view.deadline} 截止`} /> : null}
        {view.open && readOnly ? <Notice id='head-only' tone='info' text='年度自评由单位主要负责人提交，您可以查看。' /> : null}
        {saved ? <Notice id='saved' tone='success' text='自评已提交，截止前可以修改后重新提交。' /> : null}
        {view.comparison ? (
          <Section id='comparison-section' title='自评与计算结果对照'>
            <SelfAssessmentComparison comparison={view.comparison} />
            <Text className='card__text muted'>
              {view.submitted?.submittedBy} 提交于 {view.submitted ? chinaDate(view.submitted.submittedAt) : ''}
            </Text>
          </Section>
        ) : null}
        {!readOnly ? (
          <Section id='claim-form' title='填写自评'>
            {view.claimable.map((rule, index) => (
              <ClaimRow
                key={rule.ruleKey}
                rule={rule}
                computed={view.computed.byRule[rule.ruleKey] ?? 0}
                draft={draft[rule.ruleKey] ?? prefilled[rule.ruleKey] ?? { value: '0', remark: '' }}
                error={rowError(index)}
                readOnly={readOnly}
                onChange={(next) => setDraft((current) => ({ ...current, [rule.ruleKey]: next }))}
              />
            ))}
            <TextAreaField id='remarks' label='自评说明' value={remarks} max={1000} onChange={setRemarks} error={error?.field === 'remarks' ? error.message : undefined} />
            {error && !/^items\.\d+\./.test(error.field ?? '') && error.field !== 'remarks' ? <Notice id='submit-error' tone='error' text={error.message} /> : null}
            <ActionButton id='submit-self-assessment' text='提交自评' busy={busy} busyText='正在提交…' onTap={() => void submit()} />
          </Section>
        ) : null}
      </View>
      <PageFooter />
    </View>
  );
}
