import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { problemsSummary } from '../../contract/records';
import { pageUrl } from '../../client/pageParams';
import { chinaDateString } from '../../domain/time/chinaTime';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { Chips } from '../../components/Chips';
import { FormField } from '../../components/FormField';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { AttachmentsField } from '../../components/RecordFields/AttachmentsField';
import { ContentFields } from '../../components/RecordFields/ContentFields';
import { KindDateFields } from '../../components/RecordFields/KindDateFields';
import { SideFields } from '../../components/RecordFields/SideFields';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeAccess } from '../shared/useOfficeAccess';
import { PairingPicker } from './PairingPicker';
import { usePaperRecord } from './usePaperRecord';
import { recordUploadFolder } from '../../contract/uploads';

const signedOption = [{ id: 'signed' as const, label: '纸质记录上已有组织负责人签字（纸质签字已核）' }];

function PaperRecord() {
  const { access, call } = useOfficeAccess('/pages-office/paper-record/index');
  const paper = usePaperRecord(call);
  const { pairing, form, feedback, done } = paper;
  const errors = feedback.fieldErrors;
  const problems = Object.values(errors).filter((message): message is string => message !== undefined);

  let body;
  if (done !== null) {
    body = (
      <CalmState
        id='paper-done'
        title='已补录'
        text={done.state === 'confirmed' ? '纸质签字已核，记录已确认，计入记录本和积分。' : '已发送给组织负责人确认；确认前记录显示为“待确认”。'}
      >
        <ActionButton id='paper-open-record' text='查看这条记录' variant='secondary' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/record/index', { id: done.id }) })} />
        <ActionButton id='paper-another' text='为该结对再补录一条' onTap={paper.another} />
      </CalmState>
    );
  } else if (pairing === null || form === null) {
    // The picker asks admin.directory; its first answer tells who is looking.
    body = <PairingPicker call={call} onPick={paper.pick} />;
  } else {
    body = (
      <View>
        <View className='card' id='paper-pairing'>
          <Text className='card__title'>
            {pairing.unitName} ⇄ {pairing.orgName}
          </Text>
          <Text className='card__text'>按纸质记录本填写。补录的记录标为“办公室补录”，从不计为逾期。</Text>
          <LinkRow id='paper-change-pairing' text='更换结对' onTap={() => paper.pick(null)} />
        </View>
        <KindDateFields form={form} today={chinaDateString(new Date())} errors={{ kind: errors.kind, date: errors.date }} onKind={(kind) => paper.change({ kind }, 'kind')} onDate={(date) => paper.change({ date }, 'date')} />
        <ContentFields
          form={form}
          errors={{ contentAreas: errors.contentAreas, content: errors.content, results: errors.results }}
          onAreas={(contentAreas) => paper.change({ contentAreas }, 'contentAreas')}
          onContent={(content) => paper.change({ content }, 'content')}
          onResults={(results) => paper.change({ results }, 'results')}
        />
        {(['unit', 'org'] as const).map((side) => (
          <SideFields
            key={side}
            side={side}
            value={form[side]}
            errors={{ participants: errors[`participants.${side}`], organisations: errors[`organisations.${side}`] }}
            onChange={(value) => paper.change({ [side]: value }, `participants.${side}`)}
          />
        ))}
        <AttachmentsField
          folder={recordUploadFolder(form.pairingId, 'paper')}
          label='纸质记录扫描件'
          hint='可拍下纸质记录本的这一页作为佐证（选填）'
          attachments={form.attachments}
          error={errors.attachments}
          onChange={(attachments) => paper.change({ attachments }, 'attachments')}
        />
        <FormField id='field-paper-signed' label='组织负责人确认' hint='有签字时由本办核对后直接确认；没有签字时发送给组织负责人在小程序中确认。'>
          <Chips id='paper-signed' wide options={signedOption} selected={paper.signed ? ['signed'] : []} onToggle={() => paper.setSigned(!paper.signed)} />
        </FormField>
        {problems.length > 0 ? <Notice id='paper-problems' tone='error' text={problemsSummary(problems.map((message) => ({ field: '', message })))} /> : null}
        {feedback.atButton ? <Notice id='paper-answer' tone='error' text={feedback.atButton} /> : null}
        <ActionButton id='paper-send' text={paper.signed ? '补录并确认（纸质签字已核）' : '补录并发送给负责人确认'} busy={paper.busy} busyText='正在补录…' onTap={() => void paper.send()} />
      </View>
    );
  }

  return (
    <View>
      <Text className='page-title'>补录纸质记录</Text>
      {access.status === 'office' || access.status === 'loading' ? body : <OfficeWaitingView state={access} onRetry={() => void call('admin.directory', { kind: 'pairings', limit: 1 })} />}
    </View>
  );
}

/** 补录纸质记录: an office enters a record from the paper book for a unit in its scope (the app is never the only way). */
export default function PaperRecordPage() {
  return (
    <PageFrame className='office-page paper-record-page'>
      <PaperRecord />
    </PageFrame>
  );
}
