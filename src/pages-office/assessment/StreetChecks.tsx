import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AssessmentView, StreetCheckView } from '../../contract/points';
import type { StreetGrade } from '../../domain/assessment/streetCheck';
import { streetGrades } from '../../domain/assessment/streetCheck';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { Chips } from '../../components/Chips';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { TextField } from '../shared/TextField';
import './index.css';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const gradeOptions = (Object.keys(streetGrades) as StreetGrade[]).map((id) => ({ id, label: streetGrades[id] }));

function StreetCheck({ year, check, canEdit, onSaved }: { readonly year: number; readonly check: StreetCheckView; readonly canEdit: boolean; readonly onSaved: () => void }) {
  const [grade, setGrade] = useState<StreetGrade>(check.grade ?? check.suggested);
  const [remarks, setRemarks] = useState(check.remarks);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  async function save() {
    const result = await callAction('points.checkStreet', { year, streetId: check.streetId, grade, remarks });
    setMessage(result.ok ? { tone: 'success', text: '已保存' } : { tone: 'error', text: result.error.message });
    if (result.ok) onSaved();
  }
  return (
    <View className='assessment-street' id={`check-${check.streetId}`}>
      <Text className='card__title'>{check.streetName}</Text>
      <Text className='card__text'>
        单位 {check.units} 个 · 节奏完成率 {percent(check.completionRate)} · 平均积分 {check.averagePoints ?? '—'}
      </Text>
      <Text className='card__text'>
        街道通报 {check.bulletinsPublished}/{check.quartersEnded} 个季度 · 已自评单位 {check.selfAssessmentsSubmitted} 个 · 参考结果：{streetGrades[check.suggested]}
      </Text>
      {canEdit ? (
        <View>
          <Chips id={`grade-${check.streetId}`} options={gradeOptions} selected={[grade]} onToggle={setGrade} />
          <TextField id={`remarks-${check.streetId}`} label='检查意见' value={remarks} maxlength={500} onChange={setRemarks} />
          <ActionButton id={`save-check-${check.streetId}`} text='保存检查结果' variant='secondary' onTap={() => void save()} />
          {message ? <Notice tone={message.tone} text={message.text} /> : null}
        </View>
      ) : (
        <Text className='card__text'>检查结果：{check.grade ? streetGrades[check.grade] : '尚未检查'}{check.remarks ? `；${check.remarks}` : ''}</Text>
      )}
    </View>
  );
}

/** The district's check of each street's organisation of the work: figures from the data beside its grade and remarks. */
export function StreetChecks({ view, onSaved }: { readonly view: AssessmentView; readonly onSaved: () => void }) {
  return (
    <Section id='street-checks' title='对各街道的检查'>
      {view.streetChecks.map((check) => (
        <StreetCheck key={check.streetId} year={view.year} check={check} canEdit={view.canEdit} onSaved={onSaved} />
      ))}
    </Section>
  );
}
