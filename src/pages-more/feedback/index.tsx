import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { FeedbackView } from '../../contract/feedback';
import type { FeedbackCategory } from '../../domain/admin/feedback';
import { callAction } from '../../client/callAction';
import { requestSubscriptions } from '../../client/subscriptionAllowance';
import { usePageParams } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { useActionQuery } from '../../client/useActionQuery';
import { ActionButton } from '../../components/ActionButton';
import { Chips } from '../../components/Chips';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { TextAreaField } from '../../components/TextAreaField';
import { FeedbackItem } from './FeedbackItem';
import { PageFooter } from '../../components/PageFooter';
import './index.css';

const categoryOptions = [
  { id: 'suggestion' as const, label: '建议' },
  { id: 'complaint' as const, label: '投诉' },
];

/** Ask for the one reply notice in the tap itself (WeChat allows it only in a tap), then send. */
async function allowReplyNotice(templateId: string): Promise<void> {
  // Not allowing the notice does not stop the sending: the answer shows here too. (h5: the local cloud records it.)
  await requestSubscriptions([templateId]);
}

/**
 * 投诉建议 (国办函〔2026〕12号): anyone signed in sends a complaint or a suggestion, anonymously if
 * they wish; the office's answer appears here, and as a WeChat notice when they allowed one.
 */
export default function FeedbackPage() {
  const params = usePageParams();
  const { state, reload } = useActionQuery('feedback.mine', {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, '/pages-more/feedback/index');
  const [category, setCategory] = useState<FeedbackCategory>('suggestion');
  const [content, setContent] = useState('');
  const [contact, setContact] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<{ content?: string; contact?: string; other?: string }>({});
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState<readonly FeedbackView[]>([]);

  async function send(templateId: string) {
    setBusy(true);
    setErrors({});
    setSent(false);
    await allowReplyNotice(templateId);
    const result = await callAction('feedback.send', { category, content, anonymous, ...(anonymous || !contact.trim() ? {} : { contact }), ...(params['from'] ? { page: params['from'].slice(0, 120) } : {}) });
    setBusy(false);
    if (!result.ok) {
      const { field, message } = result.error;
      return setErrors(field === 'content' ? { content: message } : field === 'contact' ? { contact: message } : { other: message });
    }
    setContent('');
    setContact('');
    setSent(true);
    setChanged((previous) => [result.data.feedback, ...previous]);
  }

  if (state.status === 'loading' || redirecting) return <View className='page'><LoadingView /></View>;
  if (state.status === 'error') return <View className='page'><ErrorView error={state.error} onRetry={() => void reload()} /></View>;
  // The latest of each: as loaded, or as changed on this page since.
  const byId = new Map([...state.data.items, ...changed].map((item) => [item.id, item]));
  const items = [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const focus = params['id'];
  return (
    <View className='page feedback-page'>
      <View className='page__body'>
        <Text className='page-title'>投诉建议</Text>
        <Text className='page-subtitle'>对本小程序或结对共建工作有意见，请告诉我们。党群共建办会在这里答复。</Text>
        {sent ? <Notice id='feedback-sent' tone='success' text='已收到，答复后会在这里显示。' /> : null}
        {errors.other ? <Notice tone='error' text={errors.other} /> : null}
        <FormField id='field-category' label='类别'>
          <Chips id='category' options={categoryOptions} selected={[category]} onToggle={(option) => setCategory(option)} />
        </FormField>
        <TextAreaField id='feedback-content' label='内容' value={content} max={1000} onChange={setContent} error={errors.content} placeholder='请写明遇到的问题或建议' />
        <FormField id='field-anonymous' label='是否匿名' hint='匿名时，办公室看不到您的姓名、单位和联系方式'>
          <Chips id='anonymous' options={[{ id: 'named' as const, label: '署名' }, { id: 'anonymous' as const, label: '匿名' }]} selected={[anonymous ? 'anonymous' : 'named']} onToggle={(option) => setAnonymous(option === 'anonymous')} />
        </FormField>
        {anonymous ? null : (
          <FormField id='field-contact' label='联系方式' optional error={errors.contact}>
            <Input id='feedback-contact' className='form-input' value={contact} maxlength={40} placeholder='电话或其他方式' onInput={(event) => setContact(event.detail.value)} />
          </FormField>
        )}
        <ActionButton id='send-feedback' text='提交' busy={busy} busyText='正在提交…' onTap={() => void send(state.data.replyTemplateId)} />
        {items.length > 0 ? (
          <Section id='my-feedback' title='我提交的'>
            {items.map((item) => (
              <FeedbackItem key={item.id} item={item} highlighted={item.id === focus} onChanged={(next) => setChanged((previous) => [...previous.filter((other) => other.id !== next.id), next])} />
            ))}
          </Section>
        ) : null}
      </View>
      <PageFooter withFeedback={false} />
    </View>
  );
}
