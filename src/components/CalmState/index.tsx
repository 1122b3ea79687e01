import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import './index.css';

export interface CalmStateProps {
  readonly id: string;
  readonly title: string;
  readonly text?: string;
  readonly tone?: 'neutral' | 'success';
}

/** A whole-page message that explains rather than alarms (already done, expired, not allowed, ...). */
export function CalmState({ id, title, text, tone = 'neutral', children }: PropsWithChildren<CalmStateProps>) {
  return (
    <View id={id} className={`calm-state calm-state--${tone}`}>
      <Text className='calm-state__mark'>{tone === 'success' ? '✓' : 'i'}</Text>
      <Text className='calm-state__title'>{title}</Text>
      {text ? <Text className='calm-state__text'>{text}</Text> : null}
      {children}
    </View>
  );
}
