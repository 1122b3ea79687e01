import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { RulesOutput } from '../../../contract/points';
import type { PointRule } from '../../../domain/points/rules';
import { ruleLabel } from '../../../domain/points/rules';
import { callAction } from '../../../client/callAction';
import { ActionButton } from '../../../components/ActionButton';
import { DatePicker } from '../../../components/DatePicker';
import { FormField } from '../../../components/FormField';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { TextField } from '../../shared/TextField';

interface RuleDraft {
  readonly rule: PointRule;
  readonly points: string;
  readonly latePoints: string;
  readonly cap: string;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

/** A new version of the rule set, prefilled from the latest; it applies from its effective date (today or later). */
export function RuleEditor({ rules, onSaved }: { readonly rules: RulesOutput; readonly onSaved: () => void }) {
  const latest = rules.versions[rules.versions.length - 1]!;
  const [drafts, setDrafts] = useState<RuleDraft[]>(latest.rules.map((rule) => ({ rule, points: text(rule.points), latePoints: text(rule.latePoints), cap: text(rule.cap) })));
  const [yearCap, setYearCap] = useState(text(latest.yearCap));
  const [lateAfterDays, setLateAfterDays] = useState(String(latest.lateAfterDays));
  const [effectiveFrom, setEffectiveFrom] = useState(rules.today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(null);
    const result = await callAction('points.saveRules', {
      year: rules.year,
      scope: rules.scope,
      effectiveFrom,
      yearCap: numberOrNull(yearCap),
      lateAfterDays: Number(lateAfterDays),
      ...(note.trim() ? { note } : {}),
      rules: drafts.map((draft) => ({
        target: draft.rule.target as never,
        points: Number(draft.points),
        ...(draft.rule.target.type === 'cadence' && draft.latePoints.trim() !== '' ? { latePoints: Number(draft.latePoints) } : {}),
        cap: numberOrNull(draft.cap),
      })),
    });
    setBusy(false);
    if (!result.ok) {
      setError({ ...(result.error.field ? { field: result.error.field } : {}), message: result.error.message });
      return;
    }
    setSaved(`已保存${result.data.ruleSet.label}`);
    onSaved();
  }

  const update = (index: number, change: Partial<RuleDraft>) => setDrafts((current) => current.map((draft, position) => (position === index ? { ...draft, ...change } : draft)));
  return (
    <Section id='rule-editor' title='制定新版本'>
      <Text className='card__text muted'>新版本自生效日期起适用；此前获得的积分仍按当时的规则计算。上限留空表示不设上限。</Text>
      <FormField id='field-effectiveFrom' label='生效日期' error={fieldError('effectiveFrom') ?? fieldError('year')}>
        <DatePicker id='effective-picker' value={effectiveFrom} start={rules.today} onChange={setEffectiveFrom} />
      </FormField>
      {drafts.map((draft, index) => (
        <FormField key={index} id={`rule-${index}`} label={ruleLabel(draft.rule.target)} error={fieldError(`rules.${index}`) ?? fieldError(`rules.${index}.points`) ?? fieldError(`rules.${index}.cap`) ?? fieldError(`rules.${index}.latePoints`)}>
          <View className='rule-editor__row'>
            <Text className='rule-editor__label'>{draft.rule.target.type === 'deduction' ? '每次扣' : draft.rule.target.type === 'evaluation' ? '每轮最高' : '每项'}</Text>
            <Input id={`rule-${index}-points`} className='form-input rule-editor__input' type='digit' value={draft.points} onInput={(event) => update(index, { points: event.detail.value })} />
            {draft.rule.target.type === 'cadence' ? (
              <>
                <Text className='rule-editor__label'>迟报</Text>
                <Input id={`rule-${index}-late`} className='form-input rule-editor__input' type='digit' value={draft.latePoints} onInput={(event) => update(index, { latePoints: event.detail.value })} />
              </>
            ) : null}
            <Text className='rule-editor__label'>上限</Text>
            <Input id={`rule-${index}-cap`} className='form-input rule-editor__input' type='digit' value={draft.cap} onInput={(event) => update(index, { cap: event.detail.value })} />
          </View>
        </FormField>
      ))}
      <TextField id='yearCap' label='全年积分上限' type='digit' value={yearCap} onChange={setYearCap} error={fieldError('yearCap')} />
      <TextField id='lateAfterDays' label='周期结束多少天后补记算迟报' type='number' value={lateAfterDays} onChange={setLateAfterDays} error={fieldError('lateAfterDays')} />
      <TextField id='note' label='说明' optional value={note} onChange={setNote} error={fieldError('note')} />
      {error && !error.field?.startsWith('rules.') && !['effectiveFrom', 'year', 'yearCap', 'lateAfterDays', 'note'].includes(error.field ?? '') ? <Notice id='save-error' tone='error' text={error.message} /> : null}
      {saved ? <Notice id='saved' tone='success' text={saved} /> : null}
      <ActionButton id='save-rules' text='保存为新版本' busy={busy} busyText='正在保存…' onTap={() => void save()} />
    </Section>
  );
}
