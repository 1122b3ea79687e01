import { Text, View } from '@tarojs/components';
import type { RecordBookView } from '../../../contract/points';
import { contentAreas, recordKinds } from '../../../domain/records/catalog';
import { recordStates } from '../../../domain/records/stateMachine';
import { pageUrl, usePageParams } from '../../../client/pageParams';
import { ActionButton } from '../../../components/ActionButton';
import { Notice } from '../../../components/Notice';
import { PageFrame } from '../../../components/PageFrame';
import { OfficeWaitingView } from '../../shared/OfficeWaitingView';
import { useOfficeQuery } from '../../shared/useOfficeQuery';
import './index.css';

function Book({ book }: { readonly book: RecordBookView }) {
  return (
    <View className='record-book' id='record-book'>
      <Text className='record-book__title'>
        {book.unitName} {book.year}年度结对共建、创先争优工作积分行动记录本
      </Text>
      <Text className='record-book__meta'>结对组织：{book.pairings.map((pairing) => `${pairing.orgName}（${pairing.startDate}起${pairing.endDate ? `，${pairing.endDate}止` : ''}）`).join('；')}</Text>
      <Text className='record-book__meta'>
        本年度积分：{book.totals.total}（加分 {book.totals.earned}，扣分 {book.totals.deducted}）
      </Text>
      {book.entries.map((entry) => (
        <View key={entry.recordId} className='record-book__entry' id={`entry-${entry.recordId}`}>
          <View className='record-book__head'>
            <Text>
              {entry.date} {recordKinds[entry.kind]}
            </Text>
            <Text>{entry.points !== 0 ? `${entry.points} 分` : recordStates[entry.state]}</Text>
          </View>
          <Text className='record-book__field'>结对组织：{entry.orgName}</Text>
          <Text className='record-book__field'>共建内容：{entry.contentAreas.map((area) => contentAreas[area]).join('；')}</Text>
          <Text className='record-book__field'>工作内容：{entry.content}</Text>
          <Text className='record-book__field'>参加人员：{entry.participants}</Text>
          <Text className='record-book__field'>具体成效：{entry.results}</Text>
          <Text className='record-book__sign'>
            “两新”组织党组织负责人确认：{entry.confirmedBy ? `${entry.confirmedBy}（${entry.confirmedAt}）` : recordStates[entry.state]}
            {entry.paper ? ' · 办公室补录' : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

function BookLoader({ unitId }: { readonly unitId: string }) {
  const { state, reload } = useOfficeQuery('points.recordBook', { unitId }, { returnTo: pageUrl('/pages-office/points/record-book/index', { unit: unitId }) });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  return (
    <View>
      <View className='record-book__actions'>
        {process.env.TARO_ENV === 'h5' ? (
          <ActionButton id='print' text='打印' onTap={() => window.print()} />
        ) : (
          <Notice tone='info' text='在电脑上打开此页可直接打印；手机上请导出 Excel 后转发打印。' />
        )}
      </View>
      <Book book={state.data} />
    </View>
  );
}

/** The record book (积分行动记录本) laid out for printing and filing. */
export default function RecordBookPage() {
  const params = usePageParams();
  const unitId = params['unit'];
  return <PageFrame className='record-book-page'>{unitId ? <BookLoader unitId={unitId} /> : <Notice tone='error' text='缺少单位参数' />}</PageFrame>;
}
