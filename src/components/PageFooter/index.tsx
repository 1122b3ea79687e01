import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FeedbackEntry } from '../FeedbackEntry';
import './index.css';

export interface FooterLink {
  readonly id: string;
  readonly text: string;
  /** A page path, e.g. `/pages/local-signin/index`. */
  readonly url: string;
}

export interface PageFooterProps {
  /** Page-specific entries shown before the shared ones. */
  readonly links?: readonly FooterLink[];
  /** The 投诉建议 page itself leaves its own entry out. */
  readonly withFeedback?: boolean;
}


/**
 * The bottom of every page: page-specific links, the 投诉建议 entry that 国办函〔2026〕12号 requires on
 * every page, then the app's name.
 */
export function PageFooter({ links = [], withFeedback = true }: PageFooterProps) {
  // The page being shown, kept with a complaint for context.
  const path = useRouter().path?.split('?')[0];
  return (
    <View className='page-footer'>
      <View className='page-footer__links'>
        {links.map((link) => (
          <View
            key={link.id}
            id={link.id}
            className='page-footer__link'
            hoverClass='page-footer__link--pressed'
            ariaRole='link'
            onClick={() => void Taro.navigateTo({ url: link.url })}
          >
            <Text>{link.text}</Text>
          </View>
        ))}
        {withFeedback ? <FeedbackEntry {...(path ? { fromPage: path } : {})} /> : null}
      </View>
      <Text className='page-footer__brand'>共建 · 结对共建 创先争优</Text>
    </View>
  );
}
