import { Picker, Text, View } from '@tarojs/components';

export interface DatePickerProps {
  readonly id: string;
  /** `YYYY-MM-DD`. */
  readonly value: string;
  readonly onChange: (date: string) => void;
  /** The earliest and latest dates offered. */
  readonly start?: string;
  readonly end?: string;
  /** What the row says; the chosen date when not given. */
  readonly text?: string;
  readonly rowId?: string;
}

/** A row that opens the system date picker (›), showing the chosen date. */
export function DatePicker({ id, value, onChange, start, end, text, rowId }: DatePickerProps) {
  return (
    <Picker id={id} mode='date' value={value} {...(start ? { start } : {})} {...(end ? { end } : {})} onChange={(event) => onChange(String(event.detail.value))}>
      <View className='form-picker' {...(rowId ? { id: rowId } : {})}>
        <Text>{text ?? value}</Text>
        <Text>›</Text>
      </View>
    </Picker>
  );
}
