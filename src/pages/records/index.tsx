import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { recordStateIds, recordStates, type RecordState } from '../../domain/records/stateMachine';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { ActionButton } from '../../components/ActionButton';
import { Chips } from '../../components/Chips';
import { Notice } from '../../components/Notice';
import { RecordRow } from '../../components/RecordRow';
import { LoadingView } from '../../components/StatusView';
import { useRecordBook } from './useRecordBook';
import { PageFooter } from '../../components/PageFooter';

type Filter = RecordState | 'all';
const filterOptions: ReadonlyArray<{ id: Filter; label: string }> = [
  { id: 'all', label: '全部' },
  ...(Object.keys(recordStates) as RecordState[]).map((id) => ({ id, label: recordStates[id] })),
];

const filterOf = (value: string | undefined): Filter => (recordStateIds.find((id) => id === value) ?? 'all');

/** 积分行动记录本: the pairing's records (or all the caller may see), newest first, filtered by state. */
export default function RecordsPage() {
  const params = usePageParams();
  const pairingId = params['pairing'];
  // Home's 结果 opens the book on 已确认 or 有异议 (`?state=`).
  const [filter, setFilter] = useState<Filter>(() => filterOf(params['state']));
  const { book, refresh, loadMore } = useRecordBook(pairingId, filter === 'all' ? undefined : filter);
  const redirecting = useSignInRedirect(book.error, pageUrl('/pages/records/index', { pairing: pairingId, state: params['state'] }));

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void loadMore());

  return (
    <View className='page records-page'>
      <View className='page__body'>
        <Chips id='filter' options={filterOptions} selected={[filter]} onToggle={(option) => setFilter(option)} />
        {book.error && !redirecting ? <Notice id='records-error' tone='error' text={book.error.message} /> : null}
        {book.items.map((record) => (
          <RecordRow
            key={record.id}
            record={record}
            showUnit={pairingId === undefined}
            onOpen={() => void Taro.navigateTo({ url: pageUrl('/pages/record/index', { id: record.id }) })}
          />
        ))}
        {book.loading ? <LoadingView /> : null}
        {!book.loading && !book.error && book.items.length === 0 ? (
          <View className='card' id='records-empty'>
            <Text className='card__text'>{filter === 'all' ? '还没有记录。' : `没有“${recordStates[filter]}”的记录。`}</Text>
          </View>
        ) : null}
        {book.nextCursor !== undefined && !book.loading ? <ActionButton id='load-more' text='加载更多' variant='secondary' onTap={() => void loadMore()} /> : null}
        {book.error && !book.loading ? <ActionButton id='records-retry' text='重试' variant='secondary' onTap={() => void refresh()} /> : null}
      </View>
      <PageFooter />
    </View>
  );
}
