import { Text, View } from '@tarojs/components';
import './index.css';

export interface LinkRowProps {
  readonly id: string;
  readonly text: string;
  readonly onTap: () => void;
  readonly detail?: string;
}

/** A full-width row that goes somewhere (›), at least 44 CSS px tall. */
export function LinkRow({ id, text, detail, onTap }: LinkRowProps) {
  return (
    <View id={id} className='link-row' hoverClass='link-row--pressed' ariaRole='link' onClick={onTap}>
      <Text className='link-row__text'>{text}</Text>
      {detail ? <Text className='link-row__detail'>{detail}</Text> : null}
      <Text className='link-row__chevron'>›</Text>
    </View>
  );
}
