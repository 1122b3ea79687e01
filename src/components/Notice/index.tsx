import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import './index.css';

export interface NoticeProps {
  readonly id?: string;
  readonly tone?: 'info' | 'warning' | 'error' | 'success';
  readonly title?: string;
  readonly text?: string;
}

/** A boxed message inside a page: information, a gentle warning, or a refusal with its reason. */
export function Notice({ id, tone = 'info', title, text, children }: PropsWithChildren<NoticeProps>) {
  return (
    <View id={id} className={`notice notice--${tone}`} ariaRole={tone === 'error' ? 'alert' : undefined}>
      {title ? <Text className='notice__title'>{title}</Text> : null}
      {text ? <Text className='notice__text'>{text}</Text> : null}
      {children}
    </View>
  );
}
