import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { RoundDetailView } from '../../../contract/surveys';
import { FORM_LIMITS } from '../../../domain/surveys/form';
import { respondentGroupIds, respondentGroups } from '../../../domain/surveys/groups';
import type { RespondentGroup } from '../../../domain/surveys/groups';
import { callAction } from '../../../client/callAction';
import { ActionButton } from '../../../components/ActionButton';
import { DatePicker } from '../../../components/DatePicker';
import { FormField } from '../../../components/FormField';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';

interface ItemRow {
  readonly key: string;
  readonly id?: string;
  readonly title: string;
  readonly hint?: string;
}

let newKeys = 0;

/**
 * A draft's form (the configurable default: rename, add, remove items), weights and end date.
 * Saving makes a new version; 发布 opens the round with the version shown, freezing it.
 */
export function DraftEditor({ detail, onChanged }: { readonly detail: RoundDetailView; readonly onChanged: (detail: RoundDetailView) => void }) {
  const { round } = detail;
  const [items, setItems] = useState<ItemRow[]>(round.form.items.map((item) => ({ key: item.id, id: item.id, title: item.title, ...(item.hint ? { hint: item.hint } : {}) })));
  const [weights, setWeights] = useState<Record<RespondentGroup, string>>(Object.fromEntries(respondentGroupIds.map((group) => [group, String(round.weights[group])])) as Record<RespondentGroup, string>);
  const [endDate, setEndDate] = useState(round.endDate);
  const [threshold, setThreshold] = useState(String(round.threshold));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'open' | null>(null);
  const change = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setDirty(true);
  };

  async function save() {
    setBusy('save');
    setError(null);
    const result = await callAction('surveys.updateDraft', {
      roundId: round.id,
      formVersion: round.form.version,
      items: items.map((item) => ({ ...(item.id ? { id: item.id } : {}), title: item.title, ...(item.hint ? { hint: item.hint } : {}) })),
      weights: Object.fromEntries(respondentGroupIds.map((group) => [group, Number(weights[group])])) as Record<RespondentGroup, number>,
      threshold: Number(threshold),
      endDate,
    });
    setBusy(null);
    if (!result.ok) return setError({ ...(result.error.field ? { field: result.error.field } : {}), message: result.error.message });
    setDirty(false);
    onChanged(result.data);
    setItems(result.data.round.form.items.map((item) => ({ key: item.id, id: item.id, title: item.title, ...(item.hint ? { hint: item.hint } : {}) })));
  }

  async function open() {
    const confirmed = await Taro.showModal({ title: '发布评议', content: `问卷（第 ${round.form.version} 版）发布后冻结，不能再修改；将向 ${detail.pairingsInScope} 个结对发放评议链接。`, confirmText: '发布' });
    if (!confirmed.confirm) return;
    setBusy('open');
    setError(null);
    const result = await callAction('surveys.open', { roundId: round.id, formVersion: round.form.version });
    setBusy(null);
    if (!result.ok) return setError({ ...(result.error.field ? { field: result.error.field } : {}), message: result.error.message });
    onChanged(result.data);
  }

  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <View>
      <Notice id='draft-note' tone='info' text={`草稿：问卷第 ${round.form.version} 版。通知附件4（评议表）未公布，下面是可修改的默认问卷；发布后冻结。将发放给 ${detail.pairingsInScope} 个结对。`} />
      <Section id='draft-items' title={`题目（${items.length}/${FORM_LIMITS.maxItems}）`}>
        {items.map((item, index) => (
          <View key={item.key} className='office-surveys__item'>
            <View className='office-surveys__item-fields'>
              <FormField id={`item-${index}`} label={`第 ${index + 1} 题`} error={fieldError(`items.${index}.title`)}>
                <Input id={`item-${index}-input`} className='form-input' value={item.title} maxlength={FORM_LIMITS.titleMax} onInput={(event) => change(setItems)(items.map((row, position) => (position === index ? { ...row, title: event.detail.value } : row)))} />
              </FormField>
            </View>
            {items.length > FORM_LIMITS.minItems ? (
              <View id={`item-${index}-remove`} className='office-surveys__remove' hoverClass='office-surveys__remove--pressed' ariaRole='button' onClick={() => change(setItems)(items.filter((_, position) => position !== index))}>
                <Text>删除</Text>
              </View>
            ) : null}
          </View>
        ))}
        {fieldError('items') ? <Text className='form-field__error'>{fieldError('items')}</Text> : null}
        {items.length < FORM_LIMITS.maxItems ? (
          <ActionButton id='item-add' text='添加一题' variant='secondary' onTap={() => change(setItems)([...items, { key: `new-${(newKeys += 1)}`, title: '' }])} />
        ) : null}
      </Section>
      <Section id='draft-weights' title='分组权重（积分公式）'>
        <View className='office-surveys__weights'>
          {respondentGroupIds.map((group) => (
            <View key={group} className='office-surveys__weight'>
              <Text className='office-surveys__weight-label'>{respondentGroups[group]}</Text>
              <Input id={`weight-${group}`} className='form-input' type='number' value={weights[group]} maxlength={3} onInput={(event) => change(setWeights)({ ...weights, [group]: event.detail.value })} />
            </View>
          ))}
        </View>
        {error?.field?.startsWith('weights') ? (
          <Text id='weights-error' className='form-field__error'>
            {error.message}
          </Text>
        ) : null}
      </Section>
      <FormField id='field-threshold' label='每组公开结果的最少份数' hint='不少于 3 份；不足时只显示份数。企业主一组始终不单独显示。' error={fieldError('threshold')}>
        <Input id='field-threshold-input' className='form-input' type='number' value={threshold} maxlength={2} onInput={(event) => change(setThreshold)(event.detail.value)} />
      </FormField>
      <FormField id='field-endDate' label='截止日期' hint='当天 24:00 截止' error={fieldError('endDate')}>
        <DatePicker id='end-date-picker' value={endDate} onChange={change(setEndDate)} />
      </FormField>
      {error && (error.field === undefined || !/^(items|weights|endDate|threshold)/.test(error.field)) ? <Notice id='draft-error' tone='error' text={error.message} /> : null}
      <ActionButton id='draft-save' text={dirty ? '保存修改' : '已保存'} variant='secondary' busy={busy === 'save'} busyText='正在保存…' onTap={() => void save()} />
      {round.canManage ? (
        <ActionButton id='round-open' text={dirty ? '请先保存修改再发布' : '发布评议'} busy={busy === 'open' || dirty} busyText={dirty ? '请先保存修改再发布' : '正在发布…'} onTap={() => void open()} />
      ) : null}
    </View>
  );
}
