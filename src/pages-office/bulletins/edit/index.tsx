import { useEffect, useState } from 'react';
import { LIST_PAGE_SIZE } from '../../../contract/fields';
import { Text, View } from '@tarojs/components';
import type { BulletinView } from '../../../contract/bulletins';
import type { BulletinEdit } from '../../../domain/bulletins/quarterly';
import { calendarStatusLabels } from '../../../domain/points/calendar';
import { snippet } from '../../../domain/text/fit';
import { callAction } from '../../../client/callAction';
import { pageUrl, usePageParams } from '../../../client/pageParams';
import { ActionButton } from '../../../components/ActionButton';
import { Chips } from '../../../components/Chips';
import { FormField } from '../../../components/FormField';
import { Notice } from '../../../components/Notice';
import { PageFrame } from '../../../components/PageFrame';
import { Section } from '../../../components/Section';
import { TextAreaField } from '../../../components/TextAreaField';
import { BulletinBody } from '../../../components/BulletinBody';
import { OfficeWaitingView } from '../../shared/OfficeWaitingView';
import { Pager, windowOf } from '../../shared/Pager';
import { TextField } from '../../shared/TextField';
import { useOfficeQuery } from '../../shared/useOfficeQuery';

const toggle = (ids: readonly string[], id: string) => (ids.includes(id) ? ids.filter((candidate) => candidate !== id) : [...ids, id]);
/** Units named in the preview's lists; the rest are counted (the full lists are in the editor above). */
const PREVIEW_UNITS = 20;

/**
 * A long list of the bulletin held whole on the phone (a district's draft can name a thousand units),
 * shown a page at a time so that no screen renders more than WeChat allows.
 */
function useWindow<T>(items: readonly T[]) {
  const [offset, setOffset] = useState(0);
  return { ...windowOf(items, offset, LIST_PAGE_SIZE), setOffset };
}

function Editor({ bulletin, onChanged }: { readonly bulletin: BulletinView; readonly onChanged: (next: BulletinView, message?: string) => void }) {
  const generated = bulletin.generated!;
  const [edit, setEdit] = useState<BulletinEdit>(bulletin.edit!);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setEdit(bulletin.edit!), [bulletin]);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const praised = useWindow(generated.praised);
  const behind = useWindow(generated.behind);

  async function run(kind: 'save' | 'publish') {
    setBusy(true);
    setError(null);
    const saved = await callAction('bulletins.update', { bulletinId: bulletin.id, ...edit });
    if (!saved.ok) {
      setBusy(false);
      setError({ ...(saved.error.field ? { field: saved.error.field } : {}), message: saved.error.message });
      return;
    }
    if (kind === 'save') {
      setBusy(false);
      onChanged(saved.data.bulletin, '已保存');
      return;
    }
    const published = await callAction('bulletins.publish', { bulletinId: bulletin.id });
    setBusy(false);
    if (!published.ok) {
      onChanged(saved.data.bulletin);
      setError({ message: published.error.message });
      return;
    }
    onChanged(published.data.bulletin, '通报已发布，涉及的单位现在可以看到');
  }

  return (
    <View>
      <TextField id='title' label='标题' value={edit.title} maxlength={60} onChange={(title) => setEdit({ ...edit, title })} error={fieldError('title')} />
      <TextAreaField id='summary' label='通报正文' value={edit.summary} max={2000} onChange={(summary) => setEdit({ ...edit, summary })} error={fieldError('summary')} />
      <FormField id='field-practices' label='好的做法' hint='取消勾选即不列入通报' error={fieldError('goodPracticeIds')}>
        <Chips id='practice' wide options={generated.goodPractices.map((practice) => ({ id: practice.recordId, label: `${practice.unitName}：${snippet(practice.excerpt, 40)}` }))} selected={edit.goodPracticeIds} onToggle={(id) => setEdit({ ...edit, goodPracticeIds: toggle(edit.goodPracticeIds, id) })} />
      </FormField>
      <FormField id='field-praised' label={`予以表扬的单位（已选 ${edit.praisedUnitIds.length}/${generated.praised.length}）`} error={fieldError('praisedUnitIds')}>
        <Chips id='praised' wide options={praised.rows.map((unit) => ({ id: unit.unitId, label: unit.unitName }))} selected={edit.praisedUnitIds} onToggle={(id) => setEdit({ ...edit, praisedUnitIds: toggle(edit.praisedUnitIds, id) })} />
        <Pager id='praised-pager' page={praised.page} unit='个单位' onTurn={praised.setOffset} />
      </FormField>
      <FormField id='field-behind' label={`需整改的单位（已选 ${edit.behindUnitIds.length}/${generated.behind.length}）`} error={fieldError('behindUnitIds')}>
        <Chips id='behind' wide options={behind.rows.map((unit) => ({ id: unit.unitId, label: `${unit.unitName}（${unit.reason}）` }))} selected={edit.behindUnitIds} onToggle={(id) => setEdit({ ...edit, behindUnitIds: toggle(edit.behindUnitIds, id) })} />
        <Pager id='behind-pager' page={behind.page} unit='个单位' onTurn={behind.setOffset} />
      </FormField>
      <TextAreaField id='closing' label='结束语' value={edit.closing} max={500} onChange={(closing) => setEdit({ ...edit, closing })} error={fieldError('closing')} />
      {error && !error.field ? <Notice id='bulletin-error' tone='error' text={error.message} /> : null}
      {bulletin.publishBlocked ? <Notice id='publish-blocked' tone='warning' text={bulletin.publishBlocked} /> : null}
      <ActionButton id='save-bulletin' text='保存' variant='secondary' busy={busy} busyText='正在保存…' onTap={() => void run('save')} />
      <ActionButton id='publish-bulletin' text='保存并发布' busy={busy} busyText='正在发布…' onTap={() => void run('publish')} />
    </View>
  );
}

function Compliance({ bulletin }: { readonly bulletin: BulletinView }) {
  const all = (bulletin.generated ?? bulletin.content).compliance;
  const { rows, page, setOffset } = useWindow(all);
  return (
    <Section id='compliance' title={`各单位完成情况（${all.length}）`}>
      {rows.map((row) => (
        <Text key={row.unitId} className='card__text' id={`compliance-${row.unitId}`}>
          {row.compliant ? '✓' : '✗'} {row.unitName}：到访 {row.months.map((status) => calendarStatusLabels[status]).join('/')}；活动 {calendarStatusLabels[row.quarter]}
        </Text>
      ))}
      <Pager id='compliance-pager' page={page} unit='个单位' onTurn={setOffset} />
    </Section>
  );
}

function BulletinLoader({ id }: { readonly id: string }) {
  const { state, reload } = useOfficeQuery('bulletins.get', { bulletinId: id }, { returnTo: pageUrl('/pages-office/bulletins/edit/index', { id }) });
  const [current, setCurrent] = useState<BulletinView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  const bulletin = current ?? state.data.bulletin;
  return (
    <View>
      <Text className='page-title'>{bulletin.state === 'published' ? '已发布的通报' : '编辑通报草稿'}</Text>
      {message ? <Notice id='bulletin-message' tone='success' text={message} /> : null}
      {bulletin.canEdit ? (
        <Editor
          bulletin={bulletin}
          onChanged={(next, text) => {
            setCurrent(next);
            setMessage(text ?? null);
          }}
        />
      ) : null}
      <Section id='preview' title={bulletin.state === 'published' ? '通报内容' : '预览'}>
        <BulletinBody bulletin={bulletin} listLimit={PREVIEW_UNITS} />
      </Section>
      <Compliance bulletin={bulletin} />
    </View>
  );
}

/** Edit a drafted bulletin (texts; lists trimmed, never added to), preview it, and publish it once the quarter has ended. */
export default function EditBulletinPage() {
  const params = usePageParams();
  const id = params['id'];
  return <PageFrame className='edit-bulletin-page'>{id ? <BulletinLoader id={id} /> : <Notice tone='error' text='缺少通报参数' />}</PageFrame>;
}
