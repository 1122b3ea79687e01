import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionError } from '../../contract/errors';
import type { EntryView } from '../../contract/surveys';
import type { Choice } from '../../domain/surveys/form';
import { callAction } from '../../client/callAction';
import { callWithRetry, newSubmissionToken } from '../../client/retryAction';
import { forgetProgress, isDone, loadProgress, markDone, saveProgress } from './progress';
import type { SurveyProgress } from './progress';

export type Outcome = 'counted' | 'alreadyCounted' | 'closed' | 'ownUnit';

export type SurveyState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ActionError }
  | { readonly status: 'done'; readonly outcome: Outcome; readonly message?: string; readonly roundLabel?: string }
  | { readonly status: 'ready'; readonly view: EntryView; readonly progress: SurveyProgress };

export interface SubmitProblem {
  /** `answers.<item>`, `comment`, `ballotCode`, or undefined for the whole form. */
  readonly field?: string;
  readonly message: string;
}

const fresh = (view: EntryView): SurveyProgress => ({ step: 'intro', formVersion: view.form.version, answers: {}, comment: '', ballotCode: '' });

/** One respondent's way through a group's survey: load, resume, answer, submit once. */
export function useSurvey(entry: string | undefined) {
  const [state, setState] = useState<SurveyState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  /** A failure meaning "sign in first" (h5 without a session): the page sends the person to sign in. */
  const [authError, setAuthError] = useState<ActionError | undefined>(undefined);
  const submitting = useRef(false);

  const load = useCallback(async () => {
    if (!entry) return;
    const stored = loadProgress(entry);
    if (isDone(stored)) {
      setState({ status: 'done', outcome: stored.done, roundLabel: stored.roundLabel });
      return;
    }
    setState({ status: 'loading' });
    const result = await callAction('surveys.entry', { entry });
    if (!result.ok) {
      setState({ status: 'error', error: result.error });
      return;
    }
    const view = result.data;
    if (view.phase === 'closed') {
      forgetProgress(entry);
      setState({ status: 'done', outcome: 'closed', roundLabel: view.roundLabel });
      return;
    }
    // Told when the survey opens, before any question (as 问卷星's 已填写过), not after the last one.
    if (view.eligibility === 'answered' || view.eligibility === 'ownUnit') {
      forgetProgress(entry);
      setState({ status: 'done', outcome: view.eligibility === 'answered' ? 'alreadyCounted' : 'ownUnit', roundLabel: view.roundLabel });
      return;
    }
    // Read the phone's progress again now that the survey has come: what was tapped meanwhile (another
    // instance of this page, e.g. one the router mounted before this one) is not thrown away.
    const latest = loadProgress(entry);
    if (isDone(latest)) {
      setState({ status: 'done', outcome: latest.done, roundLabel: latest.roundLabel });
      return;
    }
    const resumed = latest !== undefined && latest.formVersion === view.form.version ? latest : fresh(view);
    setState({ status: 'ready', view, progress: resumed });
  }, [entry]);

  useEffect(() => {
    void load();
  }, [load]);

  const update = useCallback(
    (change: (progress: SurveyProgress) => SurveyProgress) => {
      setState((current) => {
        if (current.status !== 'ready' || !entry) return current;
        const progress = change(current.progress);
        saveProgress(entry, progress);
        return { ...current, progress };
      });
    },
    [entry],
  );

  const start = () => {
    if (state.status === 'ready' && state.view.codesRequired && state.progress.ballotCode.trim() === '') {
      setProblem({ field: 'ballotCode', message: '本组凭评议码作答，请先输入评议码' });
      return;
    }
    setProblem(null);
    update((progress) => ({ ...progress, step: 'questions' }));
  };
  const back = () => update((progress) => ({ ...progress, step: 'intro' }));
  const choose = (itemId: string, choice: Choice) => {
    if (problem?.field === `answers.${itemId}` || problem?.field === undefined) setProblem(null);
    update((progress) => ({ ...progress, answers: { ...progress.answers, [itemId]: choice } }));
  };
  const setComment = (comment: string) => update((progress) => ({ ...progress, comment }));
  const setBallotCode = (ballotCode: string) => {
    if (problem?.field === 'ballotCode') setProblem(null);
    update((progress) => ({ ...progress, ballotCode }));
  };

  async function submit() {
    if (state.status !== 'ready' || !entry || submitting.current) return;
    const { view, progress } = state;
    const missing = view.form.items.filter((item) => progress.answers[item.id] === undefined);
    if (missing.length > 0) {
      const first = view.form.items.indexOf(missing[0]!);
      setProblem({ field: `answers.${missing[0]!.id}`, message: `还有 ${missing.length} 题未作答（第 ${first + 1} 题起）` });
      return;
    }
    submitting.current = true;
    setBusy(true);
    setProblem(null);
    const code = progress.ballotCode.trim();
    // One token per submission, kept with the answers: a retry (lost response, app closed while
    // sending) is the same submission, and the server reports it counted instead of "already answered".
    const submission = progress.submission ?? newSubmissionToken();
    if (progress.submission === undefined) update((current) => ({ ...current, submission }));
    const result = await callWithRetry('surveys.answer', {
      entry,
      formVersion: progress.formVersion,
      answers: progress.answers,
      ...(progress.comment.trim() !== '' ? { comment: progress.comment } : {}),
      ...(code !== '' ? { ballotCode: code } : {}),
      submission,
    });
    submitting.current = false;
    setBusy(false);
    if (result.ok) {
      markDone(entry, { done: 'counted', roundLabel: result.data.roundLabel });
      setState({ status: 'done', outcome: 'counted', roundLabel: result.data.roundLabel });
      return;
    }
    const error = result.error;
    if (error.code === 'ALREADY_DONE') {
      markDone(entry, { done: 'alreadyCounted', roundLabel: view.roundLabel });
      setState({ status: 'done', outcome: 'alreadyCounted', message: error.message, roundLabel: view.roundLabel });
    } else if (error.code === 'EXPIRED') {
      forgetProgress(entry);
      setState({ status: 'done', outcome: 'closed', message: error.message, roundLabel: view.roundLabel });
    } else if (error.field === 'ballotCode') {
      setProblem({ field: 'ballotCode', message: error.message });
      update((current) => ({ ...current, step: 'intro' }));
    } else if (error.code === 'UNAUTHENTICATED') {
      setProblem({ field: 'ballotCode', message: error.message });
      setAuthError(error);
      update((current) => ({ ...current, step: 'intro' }));
    } else if (error.code === 'CONFLICT') {
      setProblem({ message: error.message });
      void load();
    } else {
      setProblem({ ...(error.field ? { field: error.field } : {}), message: error.message });
    }
  }

  return { state, busy, problem, authError, start, back, choose, setComment, setBallotCode, submit, reload: load };
}
