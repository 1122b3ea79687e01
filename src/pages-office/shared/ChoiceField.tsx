import { Picker, Text, View } from '@tarojs/components';
import { FormField } from '../../components/FormField';

export interface ChoiceFieldProps<T extends string> {
  readonly id: string;
  readonly label: string;
  readonly options: ReadonlyArray<{ readonly id: T; readonly label: string }>;
  readonly value: T | '';
  readonly onChange: (value: T) => void;
  readonly error?: string;
  readonly disabled?: boolean;
}

/** A labelled picker of a few options. */
export function ChoiceField<T extends string>({ id, label, options, value, onChange, error, disabled }: ChoiceFieldProps<T>) {
  const index = options.findIndex((option) => option.id === value);
  return (
    <FormField id={`field-${id}`} label={label} error={error}>
      <Picker
        id={`${id}-picker`}
        mode='selector'
        disabled={disabled}
        range={options.map((option) => option.label)}
        value={Math.max(index, 0)}
        onChange={(event) => {
          const chosen = options[Number(event.detail.value)];
          if (chosen) onChange(chosen.id);
        }}
      >
        <View className='form-picker'>
          <Text>{index >= 0 ? options[index]!.label : '请选择'}</Text>
          <Text>›</Text>
        </View>
      </Picker>
    </FormField>
  );
}
