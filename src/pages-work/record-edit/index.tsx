import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { chinaDateString } from '../../domain/time/chinaTime';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { Notice } from '../../components/Notice';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { AttachmentsField } from '../../components/RecordFields/AttachmentsField';
import { ContentFields } from '../../components/RecordFields/ContentFields';
import { KindDateFields } from '../../components/RecordFields/KindDateFields';
import { SideFields } from '../../components/RecordFields/SideFields';
import { buttonSummary, useRecordEditor } from './useRecordEditor';
import { PageFooter } from '../../components/PageFooter';
import { recordUploadFolder } from '../../contract/uploads';

const goHome = () => void Taro.reLaunch({ url: '/pages/home/index' });

/** 写记录: the record book entry, kept on the phone as it is typed, saved as a draft or submitted for confirmation. */
export default function RecordEditPage() {
  const params = usePageParams();
  const editorParams = {
    pairingId: params['pairing'],
    recordId: params['record'],
    kind: params['kind'],
    checkInId: params['checkIn'],
    photo: params['photo'],
    activityId: params['activity'],
  };
  const { load, form, server, busy, queued, feedback, change, saveDraft, submit } = useRecordEditor(editorParams);
  const loadError = load?.status === 'error' ? load.error : undefined;
  const redirecting = useSignInRedirect(loadError, pageUrl('/pages-work/record-edit/index', { pairing: params['pairing'], record: params['record'] }));
  const errors = feedback.fieldErrors;
  const summary = buttonSummary(feedback);

  let body;
  if (load === null || redirecting) {
    body = <LoadingView />;
  } else if (load.status === 'error') {
    body = <ErrorView error={load.error} onRetry={() => void Taro.redirectTo({ url: pageUrl('/pages-work/record-edit/index', params) })} />;
  } else if (load.status === 'blocked') {
    const { recordId } = load;
    body = (
      <CalmState id='not-editable' title='不能在这里修改' text={load.message}>
        {recordId ? <ActionButton id='open-record' text='查看这条记录' onTap={() => void Taro.redirectTo({ url: pageUrl('/pages/record/index', { id: recordId }) })} /> : null}
      </CalmState>
    );
  } else if (queued) {
    body = (
      <CalmState id='queued' title='已保存在手机上，联网后自动提交' text='记录不会丢失，也不会重复提交。联网后会自动发送给组织负责人确认。'>
        <ActionButton id='back-home' text='返回首页' variant='secondary' onTap={goHome} />
      </CalmState>
    );
  } else if (form !== null) {
    body = (
      <View>
        {server?.state === 'revised' ? <Notice tone='info' text='这是修改后的新版本，提交后需要组织负责人重新确认。' /> : null}
        {feedback.message ? <Notice id='editor-message' tone={feedback.message.tone} text={feedback.message.text} /> : null}
        <KindDateFields
          form={form}
          today={chinaDateString(new Date())}
          errors={{ kind: errors.kind, date: errors.date }}
          onKind={(kind) => change({ kind }, 'kind')}
          onDate={(date) => change({ date }, 'date')}
        />
        <ContentFields
          form={form}
          errors={{ contentAreas: errors.contentAreas, content: errors.content, results: errors.results }}
          onAreas={(contentAreas) => change({ contentAreas }, 'contentAreas')}
          onContent={(content) => change({ content }, 'content')}
          onResults={(results) => change({ results }, 'results')}
        />
        {(['unit', 'org'] as const).map((side) => (
          <SideFields
            key={side}
            side={side}
            value={form[side]}
            errors={{ participants: errors[`participants.${side}`], organisations: errors[`organisations.${side}`] }}
            onChange={(value) => change({ [side]: value }, `participants.${side}`)}
          />
        ))}
        <AttachmentsField
          folder={recordUploadFolder(form.pairingId, load.clientKey)}
          attachments={form.attachments}
          error={errors.attachments}
          onChange={(attachments) => change({ attachments }, 'attachments')}
        />
        {form.checkInId ? <Notice tone='success' text='已附上本次到访签到。' /> : null}
        {summary ? <Notice id='editor-problems' tone='error' text={summary} /> : null}
        {feedback.atButton ? <Notice id='editor-answer' tone={feedback.atButton.tone} text={feedback.atButton.text} /> : null}
        <ActionButton id='submit-record' text='提交确认' busy={busy === 'submit'} busyText='正在提交…' onTap={() => void submit()} />
        <ActionButton id='save-draft' text='保存草稿' variant='secondary' busy={busy === 'save'} busyText='正在保存…' onTap={() => void saveDraft()} />
      </View>
    );
  }

  return (
    <View className='page record-edit-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
