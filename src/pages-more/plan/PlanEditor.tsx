import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { PlanSlot, PlanView } from '../../contract/plans';
import { planStateLabels, planSubjectLabels, planTimingLabels } from '../../domain/admin/workPlans';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { TextAreaField } from '../../components/TextAreaField';
import { chinaDateTimeLabel } from '../../components/format';
import { pickDocument, uploadDocument } from '../../client/documents';
import { PlanAttachments } from '../../components/PlanAttachments';
import { planUploadFolder } from '../../contract/uploads';

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_ATTACHMENTS = 9;

export interface PlanEditorProps {
  readonly year: number;
  readonly deadline: string;
  readonly slot: PlanSlot;
  readonly onChanged: (plan: PlanView) => void;
}

/** One unit's (or street's) plan of the year: write, attach, save, submit; read the office's comments. */
export function PlanEditor({ year, deadline, slot, onChanged }: PlanEditorProps) {
  const plan = slot.plan;
  const [text, setText] = useState(plan?.text ?? '');
  const [attachments, setAttachments] = useState<PlanView['attachments']>(plan?.attachments ?? []);
  const [busy, setBusy] = useState<'save' | 'submit' | 'upload' | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [textError, setTextError] = useState<string | undefined>(undefined);
  const editable = !plan || plan.state === 'draft' || plan.state === 'returned';
  const subject = { subjectType: slot.subjectType, subjectId: slot.subjectId, year };
  const lastReturn = plan?.reviews.filter((review) => review.decision === 'return').at(-1);

  async function save(): Promise<boolean> {
    setTextError(undefined);
    const result = await callAction('plans.save', { ...subject, text, attachments: attachments.map(({ fileId, name }) => ({ fileId, name })) });
    if (!result.ok) {
      if (result.error.field === 'text') setTextError(result.error.message);
      setMessage({ tone: 'error', text: result.error.message });
      return false;
    }
    onChanged(result.data.plan);
    return true;
  }

  async function saveDraft() {
    setBusy('save');
    setMessage(null);
    if (await save()) setMessage({ tone: 'success', text: '草稿已保存' });
    setBusy(null);
  }

  async function submit() {
    setBusy('submit');
    setMessage(null);
    if (await save()) {
      const result = await callAction('plans.submit', subject);
      if (result.ok) {
        onChanged(result.data.plan);
        setMessage({ tone: 'success', text: result.data.plan.timing === 'late' ? '已提交（已过截止日期，显示为逾期提交）' : '已提交，等待党群共建办审阅' });
      } else setMessage({ tone: 'error', text: result.error.message });
    }
    setBusy(null);
  }

  async function attach() {
    const file = await pickDocument(['pdf', 'doc', 'docx', 'xlsx', 'jpg', 'jpeg', 'png']);
    if (!file) return;
    setBusy('upload');
    setMessage(null);
    const uploaded = await uploadDocument(file, planUploadFolder(year, slot.subjectId), { maxBytes: MAX_ATTACHMENT_BYTES, tooLarge: '附件不能超过 10 MB' });
    setBusy(null);
    if (!uploaded.ok) return setMessage({ tone: 'error', text: uploaded.error.message });
    setAttachments((previous) => [...previous, { fileId: uploaded.data.fileID, name: file.name.slice(0, 100) }]);
  }

  return (
    <View id={`plan-${slot.subjectId}`}>
      <View className='card'>
        <Text className='card__title'>
          {slot.subjectName} {year} 年度{planSubjectLabels[slot.subjectType]}
        </Text>
        <Text className='card__text'>
          截止日期 {deadline} · {plan ? planStateLabels[plan.state] : '未填写'} · {planTimingLabels[slot.timing]}
        </Text>
        {plan?.submittedAt ? <Text className='muted'>最近提交：{chinaDateTimeLabel(plan.submittedAt)}</Text> : null}
      </View>
      {plan?.state === 'returned' && lastReturn ? <Notice id='plan-returned' tone='warning' title={`${lastReturn.byName}退回了方案`} text={lastReturn.comment} /> : null}
      {plan?.state === 'accepted' ? <Notice id='plan-accepted' tone='success' text='方案已通过' /> : null}
      {message ? <Notice id='plan-message' tone={message.tone} text={message.text} /> : null}
      {editable ? (
        <View>
          <TextAreaField id='plan-text' label='方案内容' value={text} max={10000} onChange={setText} error={textError} hint='共建目标、工作举措、共建责任；党员领导干部带头，工青妇同步结对' />
          <PlanAttachments attachments={attachments} onRemove={(fileId) => setAttachments((previous) => previous.filter((item) => item.fileId !== fileId))} />
          {attachments.length < MAX_ATTACHMENTS ? <ActionButton id='add-attachment' text='添加附件（PDF、Word、Excel 或图片）' variant='secondary' busy={busy === 'upload'} busyText='正在上传…' onTap={() => void attach()} /> : null}
          <View className='button-row'>
            <ActionButton id='save-plan' text='保存草稿' variant='secondary' busy={busy === 'save'} busyText='正在保存…' onTap={() => void saveDraft()} />
          </View>
          <View className='button-row'>
            <ActionButton id='submit-plan' text='提交方案' busy={busy === 'submit'} busyText='正在提交…' onTap={() => void submit()} />
          </View>
        </View>
      ) : (
        <View>
          <View className='card'>
            <Text className='card__text'>{plan?.text}</Text>
          </View>
          <PlanAttachments attachments={plan?.attachments ?? []} />
        </View>
      )}
    </View>
  );
}
