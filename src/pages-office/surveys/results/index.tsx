import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { pageUrl, usePageParams } from '../../../client/pageParams';
import { ActionButton } from '../../../components/ActionButton';
import { PageFrame } from '../../../components/PageFrame';
import { SurveyResults } from '../../../components/SurveyResults';
import { OfficeWaitingView } from '../../shared/OfficeWaitingView';
import { useOfficeQuery } from '../../shared/useOfficeQuery';

/** An office's view of one pairing's results: the same rules as the unit's, plus the way to its links. */
export default function OfficeSurveyResultsPage() {
  const params = usePageParams();
  const roundId = params['round'] ?? '';
  const pairingId = params['pairing'] ?? '';
  const { state, reload } = useOfficeQuery('surveys.results', { roundId, pairingId }, { returnTo: pageUrl('/pages-office/surveys/results/index', { round: roundId, pairing: pairingId }) });
  let body;
  if (state.status !== 'ready') body = <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  else
    body = (
      <View>
        <SurveyResults results={state.data} />
        <ActionButton id='results-links' text='评议链接与评议码' variant='secondary' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/survey/links/index', { round: roundId, pairing: pairingId }) })} />
      </View>
    );
  return <PageFrame className='office-surveys-page'>{body}</PageFrame>;
}
