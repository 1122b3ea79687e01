import type { ActivityActionMap } from './activityActions';
import type { AdminActionMap } from './adminActions';
import type { BulletinActionMap } from './bulletinActions';
import type { FeedbackActionMap } from './feedbackActions';
import type { PlanActionMap } from './planActions';
import type { RecordActionMap } from './recordActions';
import type { PointsActionMap } from './pointsActions';
import type { SessionActionMap } from './sessionActions';
import type { SurveyActionMap } from './surveyActions';

/**
 * Every cloud action: its input (as the caller sends it) and its output, one map per cloud function.
 * The action name is `<cloud function>.<verb>`: the part before the dot names the function.
 * Pages import these files for types only; the schemas (zod) are used by the functions.
 */
export interface ActionMap extends SessionActionMap, RecordActionMap, ActivityActionMap, SurveyActionMap, AdminActionMap, PlanActionMap, FeedbackActionMap, PointsActionMap, BulletinActionMap {}

export type ActionName = keyof ActionMap;
export type ActionInput<K extends ActionName> = ActionMap[K]['input'];
export type ActionOutput<K extends ActionName> = ActionMap[K]['output'];

/** The envelope a cloud function receives as `event`. */
export interface ActionEvent<K extends ActionName = ActionName> {
  readonly action: K;
  readonly input: ActionInput<K>;
  /** Ask for the caller (`viewer`) beside the data. */
  readonly viewer?: boolean;
}

export function functionOf(action: string): string {
  const dot = action.indexOf('.');
  return dot > 0 ? action.slice(0, dot) : action;
}
