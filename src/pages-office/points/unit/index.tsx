import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { pageUrl, usePageParams } from '../../../client/pageParams';
import type { SelfAssessmentView } from '../../../contract/points';
import { ActionButton } from '../../../components/ActionButton';
import { Notice } from '../../../components/Notice';
import { PageFrame } from '../../../components/PageFrame';
import { Section } from '../../../components/Section';
import { PointsBreakdown } from '../../../components/PointsBreakdown';
import { PointsTotalsCard } from '../../../components/PointsTotalsCard';
import { SelfAssessmentComparison } from '../../../components/SelfAssessmentComparison';
import { OfficeWaitingView } from '../../shared/OfficeWaitingView';
import { useOfficeQuery } from '../../shared/useOfficeQuery';
import { ExportProgress } from '../ExportPanel';
import { useExports } from '../useExports';

function SelfAssessmentSection({ view }: { readonly view: SelfAssessmentView }) {
  return (
    <Section id='self-assessment' title={`年度自评（截止 ${view.deadline}）`}>
      {view.comparison ? <SelfAssessmentComparison comparison={view.comparison} /> : <Text className='card__text' id='no-self-assessment'>尚未提交自评。</Text>}
      {view.submitted?.remarks ? <Text className='card__text'>自评说明：{view.submitted.remarks}</Text> : null}
    </Section>
  );
}

function UnitView({ unitId }: { readonly unitId: string }) {
  // One call: the points and the self-assessment beside them.
  const { state, reload } = useOfficeQuery('points.unit', { unitId, withSelfAssessment: true }, { returnTo: pageUrl('/pages-office/points/unit/index', { unit: unitId }) });
  const exports = useExports({});
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  const view = state.data;
  return (
    <View>
      <Text className='page-title'>{view.unitName}</Text>
      <Text className='page-subtitle'>
        {view.year}年度 · 结对：{view.pairings.map((pairing) => `${pairing.orgName}（${pairing.startDate}起${pairing.endDate ? `，${pairing.endDate}止` : ''}）`).join('；')}
      </Text>
      <PointsTotalsCard title='本年度积分' totals={view.totals} />
      {view.selfAssessment ? <SelfAssessmentSection view={view.selfAssessment} /> : null}
      <Section id='record-book' title='积分行动记录本'>
        <ActionButton id='print-book' text='打开可打印的记录本' variant='secondary' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages-office/points/record-book/index', { unit: unitId }) })} />
        <ActionButton id='export-book' text='导出记录本（Excel）' busy={exports.state.busy} busyText='正在导出…' onTap={() => void exports.exportRecordBooks([unitId])} />
        <ExportProgress state={exports.state} />
      </Section>
      <PointsBreakdown view={view} linesTitle='积分明细' />
    </View>
  );
}

/** One unit's points for an office: the breakdown, the self-assessment beside it, the record book. */
export default function OfficeUnitPointsPage() {
  const params = usePageParams();
  const unitId = params['unit'];
  return <PageFrame className='office-unit-points-page'>{unitId ? <UnitView unitId={unitId} /> : <Notice tone='error' text='缺少单位参数' />}</PageFrame>;
}
