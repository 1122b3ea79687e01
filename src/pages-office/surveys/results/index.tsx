import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { pageUrl, usePageParams } from '../../../client/pageParams';
import { useSignInRedirect } from '../../../client/signIn';
import { useActionQuery } from '../../../client/useActionQuery';
import { ActionButton } from '../../../components/ActionButton';
import { PageFooter } from '../../../components/PageFooter';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { SurveyResults } from '../../../components/SurveyResults';

/** An office's view of one pairing's results: the same rules as the unit's, plus the way to its links. */
export default function OfficeSurveyResultsPage() {
  const params = usePageParams();
  const roundId = params['round'] ?? '';
  const pairingId = params['pairing'] ?? '';
  const { state, reload } = useActionQuery('surveys.results', { roundId, pairingId });
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, pageUrl('/pages-office/surveys/results/index', { round: roundId, pairing: pairingId }));
  let body;
  if (state.status === 'loading' || redirecting) body = <LoadingView />;
  else if (state.status === 'error') body = <ErrorView message={state.error.message} onRetry={() => void reload()} />;
  else
    body = (
      <View>
        <SurveyResults results={state.data} />
        <ActionButton id='results-links' text='评议链接与评议码' variant='secondary' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/survey/links/index', { round: roundId, pairing: pairingId }) })} />
      </View>
    );
  return (
    <View className='page office-surveys-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
