import { Textarea } from '@tarojs/components';
import { FormField, characterCount } from '../FormField';

export interface TextAreaFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly max: number;
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  readonly hint?: string;
  readonly error?: string;
}

/** A multi-line field with a live character counter (weapp's textarea stops at 140 unless told otherwise). */
export function TextAreaField({ id, label, value, max, onChange, placeholder, hint, error }: TextAreaFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error} counter={`${characterCount(value)}/${max}`}>
      <Textarea
        id={`${id}-input`}
        className='form-textarea'
        value={value}
        maxlength={max}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
    </FormField>
  );
}
