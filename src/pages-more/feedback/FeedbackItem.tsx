import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { FeedbackView } from '../../contract/feedback';
import type { ActionResult } from '../../contract/result';
import { feedbackCategoryLabels, feedbackStateLabels } from '../../domain/admin/feedback';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { TextAreaField } from '../../components/TextAreaField';
import { FeedbackThread } from '../../components/FeedbackThread';

export interface FeedbackItemProps {
  readonly item: FeedbackView;
  readonly highlighted: boolean;
  readonly onChanged: (item: FeedbackView) => void;
}

/** One complaint or suggestion as its sender sees it: the exchange with the office, follow-up, close. */
export function FeedbackItem({ item, highlighted, onChanged }: FeedbackItemProps) {
  const [more, setMore] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<ActionResult<{ feedback: FeedbackView }>>) {
    setBusy(true);
    setError(undefined);
    const result = await work();
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setMore('');
    onChanged(result.data.feedback);
  }

  return (
    <View className={`card feedback-item${highlighted ? ' feedback-item--highlighted' : ''}`} id={`feedback-${item.id}`}>
      <Text className='card__title'>
        {feedbackCategoryLabels[item.category]} · {feedbackStateLabels[item.state]}
        {item.anonymous ? ' · 匿名' : ''}
      </Text>
      <FeedbackThread messages={item.messages} senderLabel='我' />
      {error ? <Notice tone='error' text={error} /> : null}
      {item.state === 'answered' ? (
        <View>
          <TextAreaField id={`more-${item.id}`} label='继续补充（选填）' value={more} max={1000} onChange={setMore} />
          {more.trim() ? <ActionButton id={`follow-up-${item.id}`} text='补充' variant='secondary' busy={busy} onTap={() => void run(() => callAction('feedback.followUp', { feedbackId: item.id, text: more }))} /> : null}
          <View className='button-row'>
            <ActionButton id={`close-${item.id}`} text='问题已解决，办结' variant='secondary' busy={busy} onTap={() => void run(() => callAction('feedback.close', { feedbackId: item.id }))} />
          </View>
        </View>
      ) : null}
    </View>
  );
}
