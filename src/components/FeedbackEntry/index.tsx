import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import './index.css';

export const feedbackPageUrl = '/pages-more/feedback/index';

/** The way from `page` to the 投诉建议 page, remembering where the person came from. */
export function feedbackUrl(fromPage?: string): string {
  return fromPage ? `${feedbackPageUrl}?from=${encodeURIComponent(fromPage)}` : feedbackPageUrl;
}

/**
 * The 投诉建议 entry every page offers (国办函〔2026〕12号): a plain link, at least 44 CSS px tall.
 * `fromPage`: the current page's path, kept with the complaint for context.
 */
export function FeedbackEntry({ fromPage }: { readonly fromPage?: string }) {
  return (
    <View id='feedback-entry' className='feedback-entry' hoverClass='feedback-entry--pressed' ariaRole='link' onClick={() => void Taro.navigateTo({ url: feedbackUrl(fromPage) })}>
      <Text>投诉建议</Text>
    </View>
  );
}
