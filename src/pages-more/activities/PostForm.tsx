import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import type { ActionError } from '../../contract/errors';
import { chinaDateString } from '../../domain/time/chinaTime';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { FormField } from '../../components/FormField';
import { TextAreaField } from '../../components/TextAreaField';

/** 发布联合活动: the quarter's joint activity, posted ahead so both sides see date, place and agenda. */
export function PostForm({ pairingId, onPosted }: { readonly pairingId: string; readonly onPosted: () => void }) {
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(chinaDateString(new Date()));
  const [startTime, setStartTime] = useState('14:30');
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError>();
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const post = async () => {
    setBusy(true);
    const result = await callAction('activities.post', { pairingId, title, date, startTime, place, agenda });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(undefined);
    setTitle('');
    setPlace('');
    setAgenda('');
    onPosted();
  };

  return (
    <View className='card' id='post-activity'>
      <FormField id='activity-title' label='活动名称' error={fieldError('title')}>
        <Input className='input' value={title} maxlength={40} placeholder='如：联合主题党日' onInput={(event) => setTitle(event.detail.value)} />
      </FormField>
      <FormField id='activity-date' label='日期' error={fieldError('date')}>
        <Picker mode='date' value={date} onChange={(event) => setDate(String(event.detail.value))}>
          <Text className='input'>{date}</Text>
        </Picker>
      </FormField>
      <FormField id='activity-time' label='开始时间' error={fieldError('startTime')}>
        <Picker mode='time' value={startTime} onChange={(event) => setStartTime(String(event.detail.value))}>
          <Text className='input'>{startTime}</Text>
        </Picker>
      </FormField>
      <FormField id='activity-place' label='地点' error={fieldError('place')}>
        <Input className='input' value={place} maxlength={100} placeholder='如：企业党群活动室' onInput={(event) => setPlace(event.detail.value)} />
      </FormField>
      <TextAreaField id='activity-agenda' label='活动安排' value={agenda} max={1000} onChange={setAgenda} error={fieldError('agenda')} />
      {error && !error.field ? <Text className='form-error'>{error.message}</Text> : null}
      <ActionButton id='post-activity-submit' text='发布活动' busy={busy} busyText='正在发布…' onTap={() => void post()} />
    </View>
  );
}
