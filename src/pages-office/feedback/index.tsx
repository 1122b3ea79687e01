import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { FeedbackOfficeView } from '../../contract/feedback';
import { feedbackCategoryLabels, feedbackStateLabels } from '../../domain/admin/feedback';
import type { FeedbackState } from '../../domain/admin/feedback';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { Chips } from '../../components/Chips';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { TextAreaField } from '../../components/TextAreaField';
import { FeedbackThread } from '../../components/FeedbackThread';
import { chinaDateTimeLabel } from '../../components/format';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeQuery } from '../shared/useOfficeQuery';

const stateOptions = [
  { id: 'pending' as const, label: '待答复' },
  { id: 'answered' as const, label: '已答复' },
  { id: 'closed' as const, label: '已办结' },
];

function Answerable({ item, onAnswered }: { readonly item: FeedbackOfficeView; readonly onAnswered: (item: FeedbackOfficeView, notified: boolean) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function answer() {
    setBusy(true);
    setError(undefined);
    const result = await callAction('feedback.answer', { feedbackId: item.id, text });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setText('');
    onAnswered(result.data.feedback, result.data.notified);
  }

  return (
    <View className='card feedback-item' id={`feedback-${item.id}`}>
      <Text className='card__title'>
        {feedbackCategoryLabels[item.category]} · {feedbackStateLabels[item.state]}
      </Text>
      <Text className='muted'>
        {item.anonymous ? '匿名' : `${item.senderName ?? '未加入的用户'}${item.contact ? ` · ${item.contact}` : ''}`} · {chinaDateTimeLabel(item.createdAt)}
        {item.page ? ` · 来自 ${item.page}` : ''}
      </Text>
      <FeedbackThread messages={item.messages} senderLabel='提出人' />
      {item.state !== 'closed' ? (
        <View>
          <TextAreaField id={`answer-${item.id}`} label='答复' value={text} max={1000} onChange={setText} error={error} />
          <ActionButton id={`send-answer-${item.id}`} text='答复' busy={busy} busyText='正在答复…' onTap={() => void answer()} />
        </View>
      ) : null}
    </View>
  );
}

function Inbox() {
  const [state, setState] = useState<FeedbackState>('pending');
  const query = useOfficeQuery('feedback.list', { state, limit: 20 }, { returnTo: '/pages-office/feedback/index' });
  const [answered, setAnswered] = useState<string | null>(null);

  if (query.access.status !== 'office') return <OfficeWaitingView state={query.access} onRetry={() => void query.reload()} />;
  let body;
  if (query.state.status !== 'ready') body = <OfficeWaitingView state={query.state} onRetry={() => void query.reload()} />;
  else if (query.state.data.items.length === 0) body = <Text className='muted'>没有{feedbackStateLabels[state]}的投诉建议</Text>;
  else
    body = query.state.data.items.map((item) => (
      <Answerable
        key={item.id}
        item={item}
        onAnswered={(_, notified) => {
          setAnswered(notified ? '已答复，并已通知提出人' : '已答复（提出人未开启通知，可在“投诉建议”页看到答复）');
          void query.reload();
        }}
      />
    ));
  return (
    <View>
      <Text className='page-title'>投诉建议</Text>
      <Text className='page-subtitle'>以办公室名义答复，不显示答复人姓名；匿名的提出人不显示姓名和联系方式。</Text>
      <Chips id='feedback-state' options={stateOptions} selected={[state]} onToggle={(option) => setState(option)} />
      {answered ? <Notice id='answered' tone='success' text={answered} /> : null}
      {body}
    </View>
  );
}

/** 投诉建议 for an office: what it should answer (its streets'; everything for the district). */
export default function OfficeFeedbackPage() {
  return <PageFrame className='office-feedback-page'><Inbox /></PageFrame>;
}
