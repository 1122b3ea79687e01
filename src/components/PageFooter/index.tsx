import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import './index.css';

export interface FooterLink {
  readonly id: string;
  readonly text: string;
  /** A page path, e.g. `/pages/local-signin/index`. */
  readonly url: string;
}

export interface PageFooterProps {
  /** Shared entries every page offers (the complaints and suggestions entry goes here). */
  readonly links?: readonly FooterLink[];
}

/** The bottom of every page: shared entries, then the app's name. */
export function PageFooter({ links = [] }: PageFooterProps) {
  return (
    <View className='page-footer'>
      {links.length > 0 ? (
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
        </View>
      ) : null}
      <Text className='page-footer__brand'>共建 · 结对共建 创先争优</Text>
    </View>
  );
}
