import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RoundDetailView } from '../../../contract/surveys';
import { pageUrl, usePageParams } from '../../../client/pageParams';
import { useSignInRedirect } from '../../../client/signIn';
import { useActionQuery } from '../../../client/useActionQuery';
import { PageFooter } from '../../../components/PageFooter';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { phaseLabel } from '../../../components/surveyLabels';
import { DraftEditor } from './DraftEditor';
import { RoundProgress } from './RoundProgress';
import '../index.css';

/** One round for an office: edit and open a draft; follow, export and end an open round; points once closed. */
export default function OfficeRoundPage() {
  const roundId = usePageParams()['id'] ?? '';
  const { state, reload } = useActionQuery('surveys.round', { roundId });
  const [detail, setDetail] = useState<RoundDetailView | null>(null);
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, pageUrl('/pages-office/surveys/round/index', { id: roundId }));
  useEffect(() => {
    if (state.status === 'ready') setDetail(state.data);
  }, [state]);

  let body;
  if (state.status === 'loading' || redirecting || (state.status === 'ready' && detail === null)) body = <LoadingView />;
  else if (state.status === 'error') body = <ErrorView message={state.error.message} onRetry={() => void reload()} />;
  else if (detail) {
    const { round } = detail;
    body = (
      <View>
        <Text className='page-title'>{round.label}</Text>
        <Text className='page-subtitle' id='round-phase'>
          {round.scopeName} · {phaseLabel(round.phase)} · 截止 {round.endDate}
        </Text>
        {round.phase === 'draft' ? <DraftEditor key={round.form.version} detail={detail} onChanged={setDetail} /> : <RoundProgress detail={detail} onChanged={setDetail} />}
      </View>
    );
  }
  return (
    <View className='page office-surveys-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
