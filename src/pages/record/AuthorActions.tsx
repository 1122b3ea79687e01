import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { RecordView } from '../../contract/records';
import { callAction } from '../../client/callAction';
import { pageUrl } from '../../client/pageParams';
import { loadDraft } from '../../client/recordDraft';
import { askForResultMessage } from '../../client/resultSubscription';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';

const openEditor = (record: RecordView) => void Taro.navigateTo({ url: pageUrl('/pages-work/record-edit/index', { pairing: record.pairingId, record: record.id }) });

async function confirmCorrection(): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '修改已确认的记录',
    content: '修改后会成为新版本，需要组织负责人重新确认；原来确认过的内容会保留在历史中。',
    confirmText: '发起修改',
    cancelText: '不改了',
  });
  return answer.confirm;
}

/** What the unit side can do with the record now: submit a draft, withdraw one that waits, or start a new revision. */
export function AuthorActions({ record, onChanged }: { readonly record: RecordView; readonly onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    // In the tap itself (WeChat allows the dialog only there): the 审核结果通知 when the leader decides.
    await askForResultMessage();
    const result = await callAction('records.submit', { recordId: record.id, revision: record.revision });
    setBusy(false);
    if (result.ok) onChanged();
    else setError(result.error.message);
  }

  async function revise() {
    if (record.state === 'confirmed' && !(await confirmCorrection())) return;
    setBusy(true);
    setError(null);
    const result = await callAction('records.revise', { recordId: record.id });
    setBusy(false);
    if (result.ok) openEditor(record);
    else setError(result.error.message);
  }

  async function withdraw() {
    const answer = await Taro.showModal({
      title: '撤回这条记录',
      content: '撤回后组织负责人暂时不能确认；修改后重新提交，原来的确认链接会打开提交的新内容。',
      confirmText: '撤回',
      cancelText: '不撤回',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setError(null);
    const result = await callAction('records.withdraw', { recordId: record.id, revision: record.revision });
    setBusy(false);
    if (result.ok) onChanged();
    else setError(result.error.message);
  }

  if (record.state === 'submitted') {
    return (
      <Section id='author-actions' title='下一步'>
        {error ? <Notice id='withdraw-error' tone='error' text={error} /> : null}
        <Notice tone='info' text='记录正等待组织负责人确认。发现写错了，可以先撤回，修改后再提交。' />
        <ActionButton id='withdraw-record' text='撤回' variant='secondary' busy={busy} busyText='正在撤回…' onTap={() => void withdraw()} />
      </Section>
    );
  }
  const unsent = loadDraft(record.id) !== undefined;
  return (
    <Section id='author-actions' title='下一步'>
      {error ? <Notice tone='error' text={error} /> : null}
      {record.state === 'draft' || record.state === 'revised' ? (
        <>
          {unsent ? <Notice tone='warning' text='手机上还有未保存的修改，请先打开修改并提交。' /> : null}
          {unsent ? null : <ActionButton id='submit-record' text='提交确认' busy={busy} busyText='正在提交…' onTap={() => void submit()} />}
          <ActionButton id='edit-record' text='修改' variant={unsent ? 'primary' : 'secondary'} onTap={() => openEditor(record)} />
        </>
      ) : (
        <>
          {record.state === 'confirmed' ? <Notice tone='info' text='这条记录已确认并锁定。如需更正，可以发起修改：新版本需要组织负责人重新确认。' /> : null}
          <ActionButton id='revise-record' text='修改' variant={record.state === 'disputed' ? 'primary' : 'secondary'} busy={busy} busyText='正在处理…' onTap={() => void revise()} />
        </>
      )}
    </Section>
  );
}
