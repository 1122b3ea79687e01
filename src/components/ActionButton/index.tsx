import { Text, View } from '@tarojs/components';
import './index.css';

export interface ActionButtonProps {
  /** Stable id for tests and analytics. */
  readonly id: string;
  readonly text: string;
  readonly onTap: () => void;
  readonly variant?: 'primary' | 'secondary';
  /** Shows `busyText` and ignores taps. */
  readonly busy?: boolean;
  readonly busyText?: string;
}

/** A full-width button, at least 48 CSS px tall, with a pressed state through hover-class. */
export function ActionButton({ id, text, onTap, variant = 'primary', busy = false, busyText }: ActionButtonProps) {
  return (
    <View
      id={id}
      className={`action-button action-button--${variant}${busy ? ' action-button--busy' : ''}`}
      hoverClass={busy ? 'none' : 'action-button--pressed'}
      ariaRole='button'
      ariaLabel={text}
      onClick={busy ? undefined : onTap}
    >
      <Text className='action-button__text'>{busy ? (busyText ?? text) : text}</Text>
    </View>
  );
}
