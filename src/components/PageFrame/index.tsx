import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import type { PageFooterProps } from '../PageFooter';
import { PageFooter } from '../PageFooter';

export interface PageFrameProps extends PageFooterProps {
  /** The page's own class, beside `page` (e.g. `plans-page`). */
  readonly className: string;
}

/** Every page's frame: its body, then the shared footer (with the 投诉建议 entry). */
export function PageFrame({ className, children, ...footer }: PropsWithChildren<PageFrameProps>) {
  return (
    <View className={`page ${className}`}>
      <View className='page__body'>{children}</View>
      <PageFooter {...footer} />
    </View>
  );
}
