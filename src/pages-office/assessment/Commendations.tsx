import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AssessmentView } from '../../contract/points';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { ChoiceField } from '../shared/ChoiceField';
import { TextField } from '../shared/TextField';
import './index.css';

type Lists = { units: Array<{ unitId: string; reason: string }>; people: Array<{ name: string; unitId: string; deeds: string }> };

/** One commended unit or person, with 移除 while the list can change. */
function CommendedRow({ id, text, onRemove }: { readonly id: string; readonly text: string; readonly onRemove: (() => void) | undefined }) {
  return (
    <View className='assessment-person' id={id}>
      <Text>{text}</Text>
      {onRemove ? (
        <View className='assessment-remove' onClick={onRemove}>
          <Text>移除</Text>
        </View>
      ) : null}
    </View>
  );
}

/**
 * The commendation list (表彰名单): advanced units and people. People are listed by unit and in the
 * order entered, never with points or a rank (国办函〔2026〕12号).
 */
export function Commendations({ view, onSaved }: { readonly view: AssessmentView; readonly onSaved: () => void }) {
  const [lists, setLists] = useState<Lists>({
    units: view.commendations.units.map(({ unitId, reason }) => ({ unitId, reason })),
    people: view.commendations.people.map(({ name, unitId, deeds }) => ({ name, unitId, deeds })),
  });
  const [unitId, setUnitId] = useState('');
  const [reason, setReason] = useState('');
  const [person, setPerson] = useState({ name: '', unitId: '', deeds: '' });
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const unitOptions = view.unitChoices.map((unit) => ({ id: unit.unitId, label: unit.unitName }));
  const names = new Map([...view.commendations.units, ...view.commendations.people, ...view.unitChoices].map((unit) => [unit.unitId, unit.unitName]));
  const nameOf = (id: string) => names.get(id) ?? id;

  async function save(next: Lists) {
    setMessage(null);
    const result = await callAction('points.saveCommendations', { year: view.year, ...next });
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    setLists(next);
    setMessage({ tone: 'success', text: '表彰名单已保存' });
    onSaved();
  }

  return (
    <Section id='commendations' title='表彰名单'>
      <Text className='card__text muted'>先进单位</Text>
      {lists.units.map((unit, index) => (
        <CommendedRow key={unit.unitId} id={`commended-unit-${unit.unitId}`} text={`${nameOf(unit.unitId)}：${unit.reason}`} onRemove={view.canEdit ? () => void save({ ...lists, units: lists.units.filter((_, position) => position !== index) }) : undefined} />
      ))}
      <Text className='card__text muted'>先进个人（按单位列出，不排名、不显示积分）</Text>
      {lists.people.map((entry, index) => (
        <CommendedRow key={`${entry.unitId}-${entry.name}`} id={`commended-person-${index}`} text={`${entry.name}（${nameOf(entry.unitId)}）：${entry.deeds}`} onRemove={view.canEdit ? () => void save({ ...lists, people: lists.people.filter((_, position) => position !== index) }) : undefined} />
      ))}
      {view.canEdit ? (
        <View>
          <ChoiceField id='commend-unit' label='添加先进单位' options={unitOptions} value={unitId} onChange={setUnitId} />
          <TextField id='commend-reason' label='表彰理由' value={reason} maxlength={200} onChange={setReason} />
          <ActionButton id='add-unit' text='加入先进单位' variant='secondary' onTap={() => void save({ ...lists, units: [...lists.units, { unitId, reason }] })} />
          <TextField id='person-name' label='先进个人姓名' value={person.name} maxlength={20} onChange={(name) => setPerson({ ...person, name })} />
          <ChoiceField id='person-unit' label='所在单位' options={unitOptions} value={person.unitId} onChange={(id) => setPerson({ ...person, unitId: id })} />
          <TextField id='person-deeds' label='主要事迹' value={person.deeds} maxlength={300} onChange={(deeds) => setPerson({ ...person, deeds })} />
          <ActionButton id='add-person' text='加入先进个人' variant='secondary' onTap={() => void save({ ...lists, people: [...lists.people, person] }).then(() => setPerson({ name: '', unitId: '', deeds: '' }))} />
        </View>
      ) : null}
      {message ? <Notice id='commendation-message' tone={message.tone} text={message.text} /> : null}
    </Section>
  );
}
