import { Picker, Text, View } from '@tarojs/components';
import { recordKindIds, recordKinds } from '../../domain/records/catalog';
import { DatePicker } from '../DatePicker';
import { FormField } from '../FormField';
import type { RecordForm } from './formModel';

export interface KindDateFieldsProps {
  readonly form: RecordForm;
  readonly today: string;
  readonly errors: { readonly kind?: string; readonly date?: string };
  readonly onKind: (kind: RecordForm['kind']) => void;
  readonly onDate: (date: string) => void;
}

const kindLabels = recordKindIds.map((kind) => recordKinds[kind]);

/** 记录类型 (picker of the record book's kinds) and 日期 (China calendar, not after today). */
export function KindDateFields({ form, today, errors, onKind, onDate }: KindDateFieldsProps) {
  return (
    <View>
      <FormField id='field-kind' label='记录类型' error={errors.kind}>
        <Picker
          id='kind-picker'
          mode='selector'
          range={kindLabels}
          value={Math.max(recordKindIds.indexOf(form.kind), 0)}
          onChange={(event) => {
            const kind = recordKindIds[Number(event.detail.value)];
            if (kind) onKind(kind);
          }}
        >
          <View className='form-picker'>
            <Text>{recordKinds[form.kind]}</Text>
            <Text>›</Text>
          </View>
        </Picker>
      </FormField>
      <FormField id='field-date' label='开展日期' error={errors.date}>
        <DatePicker id='date-picker' value={form.date} end={today} onChange={onDate} />
      </FormField>
    </View>
  );
}
