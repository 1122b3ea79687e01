import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ActionError } from '../../contract/errors';
import type { ConfirmManyItem, RecordView } from '../../contract/records';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { CheckInEvidence } from '../../components/CheckInEvidence';
import { Notice } from '../../components/Notice';
import { RecordContent } from '../../components/RecordContent';
import { ErrorView, LoadingView } from '../../components/StatusView';

type Loaded = { readonly views: readonly RecordView[]; readonly flagged: ReadonlySet<string> };

/**
 * 逐条确认: every record waiting for the leader (the oldest 20), each shown in full with a choice;
 * those whose check-in needs a look (签到信息待核对) are called out and left unchosen until the leader
 * chooses them. One tap confirms the chosen ones (records.confirmMany); each answer is shown.
 */
export function BatchConfirm() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [answers, setAnswers] = useState<readonly ConfirmManyItem[] | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const result = await callAction('records.pending', { withContent: true });
    if (!result.ok) return setError(result.error);
    const flagged = new Set(result.data.items.filter((item) => item.flagged).map((item) => item.id));
    const views = result.data.views ?? [];
    setLoaded({ views, flagged });
    setChosen(new Set(views.filter((view) => !flagged.has(view.id)).map((view) => view.id)));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  function toggle(id: string) {
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function confirmChosen(views: readonly RecordView[]) {
    const items = views.filter((view) => chosen.has(view.id)).map((view) => ({ recordId: view.id, revision: view.revision }));
    if (items.length === 0 || busy) return;
    setBusy(true);
    const result = await callAction('records.confirmMany', { items });
    setBusy(false);
    if (result.ok) setAnswers(result.data.items);
    else setError(result.error);
  }

  if (error) return <ErrorView error={error} onRetry={() => void load()} />;
  if (loaded === null) return <LoadingView />;
  if (answers !== null) {
    const done = answers.filter((answer) => answer.ok).length;
    return (
      <View id='batch-answers'>
        <CalmState id='batch-done' title={`已确认 ${done} 条，谢谢！`} text={done < answers.length ? '下面几条没有确认，原因见每一条。' : undefined} />
        {answers.map((answer) => {
          const view = loaded.views.find((item) => item.id === answer.recordId);
          return (
            <Notice key={answer.recordId} id={`batch-answer-${answer.recordId}`} tone={answer.ok ? 'success' : 'warning'} title={view ? `${view.unitName} ${view.date}` : answer.recordId} text={answer.ok ? '已确认' : `未确认：${answer.error.message}`} />
          );
        })}
      </View>
    );
  }
  const { views, flagged } = loaded;
  if (views.length === 0) return <CalmState id='batch-empty' title='目前没有等待您确认的记录' />;
  const count = views.filter((view) => chosen.has(view.id)).length;
  return (
    <View id='batch-confirm'>
      <Text className='confirm-page__ask'>请逐条查看以下 {views.length} 条记录，确认属实的保持选中：</Text>
      {views.map((view) => (
        <View key={view.id} id={`batch-${view.id}`} className='card'>
          {flagged.has(view.id) ? <Notice id={`batch-flagged-${view.id}`} tone='warning' title='签到信息待核对' text='这条记录的签到有供核对的提示，请看过后再决定是否选中。' /> : null}
          <RecordContent record={view} showAttachments={false} />
          {view.checkIn ? <CheckInEvidence checkIn={view.checkIn} /> : null}
          <ActionButton id={`batch-choose-${view.id}`} text={chosen.has(view.id) ? '已选中（点击取消）' : '选中确认'} variant='secondary' onTap={() => toggle(view.id)} />
        </View>
      ))}
      <View className='confirm-page__actions'>
        <ActionButton id='batch-submit' text={count > 0 ? `确认选中的 ${count} 条` : '请先选中要确认的记录'} busy={busy} busyText='正在确认…' onTap={() => void confirmChosen(views)} />
      </View>
    </View>
  );
}
