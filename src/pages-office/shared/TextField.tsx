import { Input } from '@tarojs/components';
import { FormField } from '../../components/FormField';

export interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  readonly optional?: boolean;
  readonly hint?: string;
  readonly type?: 'text' | 'digit' | 'number';
  readonly disabled?: boolean;
  readonly maxlength?: number;
}

/** A one-line labelled input with its error (office forms). */
export function TextField({ id, label, value, onChange, error, optional, hint, type = 'text', disabled, maxlength = 120 }: TextFieldProps) {
  return (
    <FormField id={`field-${id}`} label={label} error={error} optional={optional} hint={hint}>
      <Input id={`${id}-input`} className='form-input' type={type} value={value} disabled={disabled} maxlength={maxlength} onInput={(event) => onChange(event.detail.value)} />
    </FormField>
  );
}
