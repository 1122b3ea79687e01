import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RecordCheckView } from '../../contract/adminChecks';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { PageFrame } from '../../components/PageFrame';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { Pager } from '../shared/Pager';
import { usePagedOfficeQuery } from '../shared/usePagedOfficeQuery';
import { CheckCard } from './CheckCard';

function RecordChecks() {
  const [reviewedTab, setReviewedTab] = useState(false);
  const { state, turning, reload, turnTo } = usePagedOfficeQuery('admin.recordChecks', reviewedTab ? { reviewed: true } : {}, { returnTo: '/pages-office/checks/index' });
  const [done, setDone] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});

  async function review(record: RecordCheckView, note: string) {
    if (busy !== null) return;
    setBusy(record.id);
    setErrors((shown) => ({ ...shown, [record.id]: '' }));
    const result = await callAction('admin.reviewRecordCheck', { recordId: record.id, note });
    setBusy(null);
    if (result.ok || result.error.code === 'ALREADY_DONE') {
      setDone((ids) => [...ids, record.id]);
      void Taro.showToast({ title: '已标记为已核查', icon: 'none' });
    } else {
      setErrors((shown) => ({ ...shown, [record.id]: result.error.message }));
    }
  }

  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  const { items, page, year } = state.data;
  const shown = reviewedTab ? items : items.filter((record) => !done.includes(record.id));
  return (
    <View>
      <Text className='page-title'>{reviewedTab ? '已核查的记录' : '待核查的记录'}</Text>
      <Text className='page-subtitle' id='checks-summary'>
        {reviewedTab ? `${year} 年本办范围内已核查的记录共 ${page.total} 条` : `${year} 年本办范围内有核查提示的记录共 ${page.total} 条（提示不等于造假，请结合纸质台账核实）`}
      </Text>
      <ActionButton
        id='checks-tab'
        text={reviewedTab ? '查看待核查的记录' : '查看已核查的记录'}
        variant='secondary'
        onTap={() => {
          setReviewedTab(!reviewedTab);
          setDone([]);
        }}
      />
      {shown.length === 0 ? (
        <View className='card' id='checks-none'>
          <Text className='card__text'>{reviewedTab ? '还没有核查过的记录。' : '没有需要核查的记录。'}</Text>
        </View>
      ) : (
        shown.map((record) => (
          <CheckCard key={record.id} record={record} busy={busy === record.id} error={errors[record.id] || null} {...(reviewedTab ? {} : { onReview: (note: string) => void review(record, note) })} />
        ))
      )}
      <Pager id='checks-pager' page={page} unit='条' busy={turning} onTurn={turnTo} />
    </View>
  );
}

/** 待核查的记录: this year's records in the office's scope with review flags, a page at a time; reviewed ones with their notes under 已核查. */
export default function RecordChecksPage() {
  return (
    <PageFrame className='office-page'>
      <RecordChecks />
    </PageFrame>
  );
}
