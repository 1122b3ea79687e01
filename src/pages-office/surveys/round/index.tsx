import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RoundDetailView } from '../../../contract/surveys';
import { pageUrl, usePageParams } from '../../../client/pageParams';
import { PageFrame } from '../../../components/PageFrame';
import { LoadingView } from '../../../components/StatusView';
import { phaseLabel } from '../../../components/surveyLabels';
import { OfficeWaitingView } from '../../shared/OfficeWaitingView';
import { useOfficeQuery } from '../../shared/useOfficeQuery';
import { DraftEditor } from './DraftEditor';
import { RoundProgress } from './RoundProgress';
import '../index.css';

/** One round for an office: edit and open a draft; follow, export and end an open round; points once closed. */
export default function OfficeRoundPage() {
  const roundId = usePageParams()['id'] ?? '';
  const { state, reload } = useOfficeQuery('surveys.round', { roundId }, { returnTo: pageUrl('/pages-office/surveys/round/index', { id: roundId }) });
  const [detail, setDetail] = useState<RoundDetailView | null>(null);
  useEffect(() => {
    if (state.status === 'ready') setDetail(state.data);
  }, [state]);

  let body;
  if (state.status !== 'ready') body = <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  else if (detail === null) body = <LoadingView />;
  else {
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
  return <PageFrame className='office-surveys-page'>{body}</PageFrame>;
}
