import type { Choice } from '../../domain/surveys/form';
import { readStored, removeStored, writeStored } from '../../client/storage';

/**
 * A respondent's unsent answers, kept on the phone (Taro storage) on every tap so an interrupted
 * survey resumes where it stopped. Once the answer is counted only "done" remains: the answers
 * themselves are removed from the phone.
 */
export interface SurveyProgress {
  readonly step: 'intro' | 'questions';
  readonly formVersion: number;
  readonly answers: Readonly<Record<string, Choice>>;
  readonly comment: string;
  readonly ballotCode: string;
  /** The token of the submission being sent: kept until it is counted, so every re-send is the same submission. */
  readonly submission?: string;
}

export interface SurveyDone {
  readonly done: 'counted' | 'alreadyCounted';
  readonly roundLabel: string;
}

const keyOf = (entry: string) => `gj.survey.${entry}`;

export function loadProgress(entry: string): SurveyProgress | SurveyDone | undefined {
  const stored = readStored<SurveyProgress | SurveyDone>(keyOf(entry));
  return stored !== null && typeof stored === 'object' ? stored : undefined;
}

export function isDone(stored: SurveyProgress | SurveyDone | undefined): stored is SurveyDone {
  return stored !== undefined && 'done' in stored;
}

export function saveProgress(entry: string, progress: SurveyProgress): void {
  writeStored(keyOf(entry), progress);
}

export function markDone(entry: string, done: SurveyDone): void {
  writeStored(keyOf(entry), done);
}

export function forgetProgress(entry: string): void {
  removeStored(keyOf(entry));
}
