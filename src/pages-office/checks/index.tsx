import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RecordCheckView } from '../../contract/adminChecks';
import { reviewFlagLabels } from '../../domain/records/reviewFlags';
import { recordKinds } from '../../domain/records/catalog';
import { pageUrl } from '../../client/pageParams';
import { PageFrame } from '../../components/PageFrame';
import { StateBadge } from '../../components/StateBadge';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { Pager } from '../shared/Pager';
import { usePagedOfficeQuery } from '../shared/usePagedOfficeQuery';

function CheckRow({ record }: { readonly record: RecordCheckView }) {
  return (
    <View id={`check-${record.id}`} className='card' hoverClass='card--pressed' ariaRole='button' onClick={() => void Taro.navigateTo({ url: pageUrl('/pages/record/index', { id: record.id }) })}>
      <Text className='card__title'>
        {record.date} {recordKinds[record.kind]}
      </Text>
      <Text className='card__text'>
        {record.unitName} · {record.orgName}
      </Text>
      <Text className='card__text'>待核查：{record.flags.length > 0 ? record.flags.map((flag) => reviewFlagLabels[flag]).join('、') : '签到信息有提示'}</Text>
      <StateBadge state={record.state} />
    </View>
  );
}

function RecordChecks() {
  const { state, turning, reload, turnTo } = usePagedOfficeQuery('admin.recordChecks', {}, { returnTo: '/pages-office/checks/index' });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  const { items, page, year } = state.data;
  return (
    <View>
      <Text className='page-title'>待核查的记录</Text>
      <Text className='page-subtitle' id='checks-summary'>
        {year} 年本办范围内签到信息有提示的记录共 {page.total} 条（提示不等于造假，请结合纸质台账核实）
      </Text>
      {items.length === 0 ? (
        <View className='card' id='checks-none'>
          <Text className='card__text'>没有需要核查的记录。</Text>
        </View>
      ) : (
        items.map((record) => <CheckRow key={record.id} record={record} />)
      )}
      <Pager id='checks-pager' page={page} unit='条' busy={turning} onTurn={turnTo} />
    </View>
  );
}

/** 待核查的记录: this year's records in the office's scope whose check-in carries a review flag, a page at a time. */
export default function RecordChecksPage() {
  return (
    <PageFrame className='office-page'>
      <RecordChecks />
    </PageFrame>
  );
}
