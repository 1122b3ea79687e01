import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MineItemView } from '../../contract/surveys';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { useActionQuery } from '../../client/useActionQuery';
import { PageFooter } from '../../components/PageFooter';
import { Section } from '../../components/Section';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { SurveyResults } from '../../components/SurveyResults';
import { countsLine, phaseLabel, pointsLabel } from '../../components/surveyLabels';
import './index.css';

function Row({ item, asUnit }: { readonly item: MineItemView; readonly asUnit: boolean }) {
  const open = () =>
    void Taro.navigateTo({
      url: asUnit ? pageUrl('/pages-more/survey-results/index', { round: item.round.id, pairing: item.pairingId }) : pageUrl('/pages/survey/links/index', { round: item.round.id, pairing: item.pairingId }),
    });
  return (
    <View id={`mine-${asUnit ? 'unit' : 'leader'}-${item.round.id}-${item.pairingId}`} className='card survey-list__row' hoverClass='link-row--pressed' ariaRole='link' onClick={open}>
      <Text className='survey-list__title'>
        {item.round.label} · {phaseLabel(item.round.phase)}
      </Text>
      <Text className='survey-list__meta'>{asUnit ? `评议组织：${item.orgName}` : `被评议单位：${item.unitName}`}</Text>
      <Text className='survey-list__meta'>
        已收到 {item.total} 份（{countsLine(item.responses)}）
      </Text>
      {asUnit ? <Text className='survey-list__meta'>评议积分：{pointsLabel(item.points, item.round.phase)}</Text> : <Text className='survey-list__meta'>发放评议链接、二维码和评议码 ›</Text>}
    </View>
  );
}

function MineList() {
  const { state, reload } = useActionQuery('surveys.mine', {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, '/pages-more/survey-results/index');
  if (state.status === 'loading' || redirecting) return <LoadingView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  const { asUnit, asLeader } = state.data;
  return (
    <View>
      <Text className='page-title'>评议</Text>
      <Text className='page-subtitle'>“两新”组织每年年中、年终对结对单位匿名评议，结果转化为积分。</Text>
      {asUnit.length > 0 ? (
        <Section id='mine-unit' title='对本单位的评议'>
          {asUnit.map((item) => (
            <Row key={`${item.round.id}-${item.pairingId}`} item={item} asUnit />
          ))}
        </Section>
      ) : null}
      {asLeader.length > 0 ? (
        <Section id='mine-leader' title='本组织参加的评议'>
          <Text className='card__text muted'>您可以发放评议链接和评议码，并查看答卷份数；看不到任何人的答案。</Text>
          {asLeader.map((item) => (
            <Row key={`${item.round.id}-${item.pairingId}`} item={item} asUnit={false} />
          ))}
        </Section>
      ) : null}
      {asUnit.length + asLeader.length === 0 ? (
        <View className='card' id='mine-empty'>
          <Text className='card__text'>目前没有与您有关的评议。</Text>
        </View>
      ) : null}
    </View>
  );
}

function PairingResults({ roundId, pairingId }: { readonly roundId: string; readonly pairingId: string }) {
  const { state, reload } = useActionQuery('surveys.results', { roundId, pairingId });
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, pageUrl('/pages-more/survey-results/index', { round: roundId, pairing: pairingId }));
  if (state.status === 'loading' || redirecting) return <LoadingView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  return <SurveyResults results={state.data} />;
}

/** 评议结果: the unit's evaluations with counts and points, and one pairing's results with a chart per item. */
export default function SurveyResultsPage() {
  const params = usePageParams();
  const roundId = params['round'];
  const pairingId = params['pairing'];
  return (
    <View className='page survey-results-page'>
      <View className='page__body'>{roundId && pairingId ? <PairingResults roundId={roundId} pairingId={pairingId} /> : <MineList />}</View>
      <PageFooter />
    </View>
  );
}
