import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { REVIEW_NOTE_MAX } from '../../contract/admin';
import type { RecordCheckView } from '../../contract/adminChecks';
import { reviewFlagLabels } from '../../domain/records/reviewFlags';
import { recordKinds } from '../../domain/records/catalog';
import { pageUrl } from '../../client/pageParams';
import { ActionButton } from '../../components/ActionButton';
import { chinaDateTimeLabel } from '../../components/format';
import { Notice } from '../../components/Notice';
import { StateBadge } from '../../components/StateBadge';
import { TextAreaField } from '../../components/TextAreaField';

export interface CheckCardProps {
  readonly record: RecordCheckView;
  readonly busy: boolean;
  readonly error: string | null;
  /** Absent in 已核查: nothing more to mark. */
  readonly onReview?: (note: string) => void;
}

/** One record to check: why (its flags), the office's note once reviewed, and 标记为已核查 with a note. */
export function CheckCard({ record, busy, error, onReview }: CheckCardProps) {
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const id = `check-${record.id}`;

  function submit() {
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    onReview?.(note.trim());
  }

  return (
    <View id={id} className='card'>
      <View hoverClass='card--pressed' ariaRole='button' onClick={() => void Taro.navigateTo({ url: pageUrl('/pages/record/index', { id: record.id }) })}>
        <Text className='card__title'>
          {record.date} {recordKinds[record.kind]}
        </Text>
        <Text className='card__text'>
          {record.unitName} · {record.orgName}
        </Text>
        <Text className='card__text'>待核查：{record.flags.length > 0 ? record.flags.map((flag) => reviewFlagLabels[flag]).join('、') : '签到信息有提示'}</Text>
        {record.review ? (
          <Text className='card__text' id={`${id}-review`}>
            核查说明：{record.review.note}（{record.review.byName}，{chinaDateTimeLabel(record.review.at)}）
          </Text>
        ) : null}
        <StateBadge state={record.state} />
      </View>
      {error ? <Notice tone='error' text={error} /> : null}
      {!onReview ? null : writing ? (
        <View>
          <TextAreaField
            id={`${id}-note`}
            label='核查说明（其他办公室人员查看记录时可见）'
            value={note}
            max={REVIEW_NOTE_MAX}
            placeholder='例如：已与纸质台账核对，现场照片为同一次活动'
            error={missing ? '请填写核查说明' : undefined}
            onChange={(value) => {
              setNote(value);
              setMissing(false);
            }}
          />
          <ActionButton id={`${id}-review-confirm`} text='确认已核查' busy={busy} busyText='正在提交…' onTap={submit} />
          <ActionButton id={`${id}-review-cancel`} text='取消' variant='secondary' onTap={() => setWriting(false)} />
        </View>
      ) : (
        <ActionButton id={`${id}-review`} text='标记为已核查' variant='secondary' onTap={() => setWriting(true)} />
      )}
    </View>
  );
}
