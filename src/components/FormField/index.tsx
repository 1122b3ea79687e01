import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import './index.css';

export interface FormFieldProps {
  /** Element id of the field; its error is `${id}-error`. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly optional?: boolean;
  /** The server's (or the page's) message about this field, in Chinese. */
  readonly error?: string;
  /** e.g. `120/2000` */
  readonly counter?: string;
}

/** A labelled form field with its error right under the label, where the eye already is. */
export function FormField({ id, label, hint, optional = false, error, counter, children }: PropsWithChildren<FormFieldProps>) {
  return (
    <View id={id} className={`form-field${error ? ' form-field--error' : ''}`}>
      <View className='form-field__head'>
        <Text className='form-field__label'>
          {label}
          {optional ? <Text className='form-field__optional'>（选填）</Text> : null}
        </Text>
        {counter !== undefined ? <Text className='form-field__counter'>{counter}</Text> : null}
      </View>
      {hint ? <Text className='form-field__hint'>{hint}</Text> : null}
      {error ? (
        <Text id={`${id}-error`} className='form-field__error'>
          {error}
        </Text>
      ) : null}
      {children}
    </View>
  );
}

/** Characters as WeChat counts them. */
export function characterCount(text: string): number {
  return [...text].length;
}
