import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ActionError } from '../../contract/errors';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { needsSignIn, signInUrl } from '../../client/signIn';
import { CalmState } from '../../components/CalmState';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { DoneScreen } from './DoneScreen';
import { entryOf } from './entryParam';
import { IntroScreen } from './IntroScreen';
import { QuestionsScreen } from './QuestionsScreen';
import { useSurvey } from './useSurvey';
import { PageFooter } from '../../components/PageFooter';
import './index.css';

const calmTitles: Partial<Record<ActionError['code'], string>> = {
  NOT_FOUND: '评议链接无效',
};

/** 评议问卷: at most three screens — who and why, the questions, done — resumable after an interruption. */
export default function SurveyPage() {
  const entry = entryOf(usePageParams());
  const survey = useSurvey(entry);
  const { state, problem } = survey;
  const signIn = needsSignIn(survey.authError) ? () => void Taro.redirectTo({ url: signInUrl(pageUrl('/pages/survey/index', { e: entry })) }) : undefined;

  let body;
  if (!entry) {
    body = <CalmState id='survey-no-entry' title='链接不完整' text='请重新打开组织发来的评议链接，或扫描评议二维码。' />;
  } else if (state.status === 'loading') {
    body = <LoadingView />;
  } else if (state.status === 'error') {
    const title = calmTitles[state.error.code];
    body = title ? <CalmState id={`survey-${state.error.code}`} title={title} text={state.error.message} /> : <ErrorView error={state.error} onRetry={() => void survey.reload()} />;
  } else if (state.status === 'done') {
    body = <DoneScreen outcome={state.outcome} message={state.message} roundLabel={state.roundLabel} />;
  } else if (state.progress.step === 'intro') {
    const started = Object.keys(state.progress.answers).length > 0;
    body = (
      <IntroScreen
        view={state.view}
        ballotCode={state.progress.ballotCode}
        codeError={problem?.field === 'ballotCode' ? problem.message : undefined}
        resuming={started}
        onBallotCode={survey.setBallotCode}
        onStart={survey.start}
        onSignIn={signIn}
      />
    );
  } else {
    body = (
      <QuestionsScreen
        view={state.view}
        progress={state.progress}
        problem={problem}
        busy={survey.busy}
        onChoose={survey.choose}
        onComment={survey.setComment}
        onSubmit={() => void survey.submit()}
        onBack={survey.back}
      />
    );
  }

  return (
    <View className='page survey-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
