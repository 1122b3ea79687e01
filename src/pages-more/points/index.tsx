import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { pageUrl } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { useActionQuery } from '../../client/useActionQuery';
import { Chips } from '../../components/Chips';
import { LinkRow } from '../../components/LinkRow';
import { PageFooter } from '../../components/PageFooter';
import { Section } from '../../components/Section';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { PointsBreakdown } from '../../components/PointsBreakdown';
import { PointsTotalsCard } from '../../components/PointsTotalsCard';
import { AchievementTagger } from './AchievementTagger';

/**
 * 我的积分: the unit's points for the year, every point explained, records waiting apart, the cadence
 * calendar, and naming achievements on confirmed records. No ranking anywhere on this page.
 */
export default function PointsPage() {
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const { state, reload } = useActionQuery('points.unit', unitId ? { unitId } : {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, '/pages-more/points/index');

  let body;
  if (state.status === 'loading' || redirecting) body = <LoadingView text='正在计算积分…' />;
  else if (state.status === 'error') body = <ErrorView error={state.error} onRetry={() => void reload()} />;
  else {
    const view = state.data;
    body = (
      <View>
        <Text className='page-title'>{view.unitName}</Text>
        <Text className='page-subtitle'>
          {view.year}年度 · 结对：{view.pairings.map((pairing) => pairing.orgName).join('、')}
        </Text>
        {view.units.length > 1 ? (
          <Chips id='unit' options={view.units.map((unit) => ({ id: unit.id, label: unit.name }))} selected={[view.unitId]} onToggle={(id) => setUnitId(id)} />
        ) : null}
        <PointsTotalsCard title='本年度积分' totals={view.totals} />
        <LinkRow id='go-self-assessment' text='年度自评' detail='对照计算结果填写自评' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages-more/points/self-assessment/index', { unit: view.unitId }) })} />
        <LinkRow id='go-bulletins' text='督办通报' detail='涉及本单位的季度通报' onTap={() => void Taro.navigateTo({ url: '/pages-more/points/bulletins/index' })} />
        <PointsBreakdown view={view} />
        {view.canTag ? (
          <Section id='achievements' title='标注共建成果'>
            <AchievementTagger records={view.taggable} achievements={view.achievements} onChanged={() => void reload()} />
          </Section>
        ) : null}
        <Text className='card__text muted'>积分规则：{view.versions.map((version) => version.label).join('、')}</Text>
      </View>
    );
  }

  return (
    <View className='page points-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
