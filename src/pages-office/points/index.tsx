import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PointsTableView, UnitTotalView } from '../../contract/points';
import { pageUrl } from '../../client/pageParams';
import { Chips } from '../../components/Chips';
import { LinkRow } from '../../components/LinkRow';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { Pager } from '../shared/Pager';
import { PointsTableRow } from '../shared/PointsTableRow';
import { usePagedOfficeQuery } from '../shared/usePagedOfficeQuery';
import { ExportButtons, ExportProgress } from './ExportPanel';
import { useExports } from './useExports';

const go = (url: string) => void Taro.navigateTo({ url });

function UnitRow({ row, rankingsOn }: { readonly row: UnitTotalView; readonly rankingsOn: boolean }) {
  return (
    <PointsTableRow
      id={`unit-${row.unitId}`}
      name={row.unitName}
      meta={`${row.streetName} · 节奏完成 ${row.cadenceDone}/${row.cadenceRequired}${row.pending > 0 ? ` · ${row.pending} 条待确认` : ''}`}
      total={row.total}
      rank={rankingsOn ? row.rank : undefined}
      onTap={() => go(pageUrl('/pages-office/points/unit/index', { unit: row.unitId }))}
    />
  );
}

interface TableProps {
  readonly table: PointsTableView;
  readonly streetId: string | undefined;
  readonly onStreet: (id: string | undefined) => void;
  readonly onTurn: (offset: number) => void;
  readonly turning: boolean;
}

function Table({ table, streetId, onStreet, onTurn, turning }: TableProps) {
  const exports = useExports(streetId ? { year: table.year, streetId } : { year: table.year });
  return (
    <View>
      <Text className='page-title'>
        {table.scopeName}
        {table.year}年度积分表
      </Text>
      <Text className='page-subtitle'>{table.rankingsOn ? '区委党群共建办已开启本年度单位排名（仅办公室可见，不对个人排名）' : '按单位编码排列，不排名'}</Text>
      <LinkRow id='go-dashboard' text='数据看板' onTap={() => go('/pages-office/points/dashboard/index')} />
      <LinkRow id='go-bulletins' text='季度督办通报' onTap={() => go('/pages-office/bulletins/index')} />
      <LinkRow id='go-assessment' text='年度考核与表彰' onTap={() => go('/pages-office/assessment/index')} />
      <LinkRow id='go-rules' text='积分规则' onTap={() => go('/pages-office/points/rules/index')} />
      <Section id='exports' title='导出存档'>
        <ExportButtons busy={exports.state.busy} onTable={() => void exports.exportTable()} onBooks={() => void exports.exportRecordBooks()} />
        <ExportProgress state={exports.state} />
      </Section>
      {table.streets.length > 1 || streetId ? (
        <View className='points-office__streets'>
          <Chips
            id='street'
            options={[{ id: 'all', label: '全部' }, ...table.streets.map((street) => ({ id: street.streetId, label: `${street.streetName}（${street.units}）` }))]}
            selected={[streetId ?? 'all']}
            onToggle={(id) => onStreet(id === 'all' ? undefined : id)}
          />
        </View>
      ) : null}
      <Section id='units' title={`单位（${table.page.total}）`}>
        {table.rows.map((row) => (
          <UnitRow key={row.unitId} row={row} rankingsOn={table.rankingsOn} />
        ))}
        <Pager id='units-pager' page={table.page} unit='个单位' busy={turning} onTurn={onTurn} />
      </Section>
    </View>
  );
}

function TableLoader() {
  const [streetId, setStreetId] = useState<string | undefined>(undefined);
  const { state, reload, turning, turnTo } = usePagedOfficeQuery('points.table', streetId ? { streetId } : {}, { returnTo: '/pages-office/points/index' });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} loadingText='正在计算全部单位的积分…' />;
  return <Table table={state.data} streetId={streetId} onStreet={setStreetId} onTurn={turnTo} turning={turning} />;
}

/** 积分表: the units in the office's scope with their year totals, a page at a time, and the exports to file and print. */
export default function OfficePointsPage() {
  return <PageFrame className='office-points-page'><TableLoader /></PageFrame>;
}
