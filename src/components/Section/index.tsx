import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import './index.css';

export interface SectionProps {
  readonly id: string;
  readonly title: string;
}

/** A titled block of a page; pages are made of sections that issues fill one by one. */
export function Section({ id, title, children }: PropsWithChildren<SectionProps>) {
  return (
    <View id={id} className='section'>
      <Text className='section__title'>{title}</Text>
      {children}
    </View>
  );
}
