import { Text, View } from '@tarojs/components';
import type { FeedbackView } from '../../contract/feedback';
import { chinaDateTimeLabel } from '../format';
import './index.css';

export interface FeedbackThreadProps {
  readonly messages: FeedbackView['messages'];
  /** Who the sender's messages are from, as the reader calls them: 我 for the sender, 提出人 for the office. */
  readonly senderLabel: string;
}

/** The exchange about one complaint or suggestion: the sender's messages and the office's answers, oldest first. */
export function FeedbackThread({ messages, senderLabel }: FeedbackThreadProps) {
  return (
    <View className='feedback-thread'>
      {messages.map((message, index) => (
        <View key={index} className={`feedback-message feedback-message--${message.from}`}>
          <Text className='feedback-message__who'>
            {message.from === 'sender' ? senderLabel : (message.officeName ?? '党群共建办')} · {chinaDateTimeLabel(message.at)}
          </Text>
          <Text className='feedback-message__text'>{message.text}</Text>
        </View>
      ))}
    </View>
  );
}
