import type { AnyAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';

/** Shorter secrets are refused: the once-only keys are only as unguessable as the secret. */
export const MIN_SECRET_LENGTH = 32;

const notConfigured = '评议功能尚未配置评议密钥，暂时不能使用，请联系区委党群共建办';

/**
 * The survey secret keys the once-only hashes, the submission receipts and the ballot codes. It comes
 * only from the function's environment (`GJ_SURVEY_SECRET`, set in the WeChat console; the local
 * cloud generates one in its data folder and sets it). There is no fallback: without it every survey
 * action is refused, so that nobody can compute keys from a value published in the source.
 */
export function surveySecret(): string {
  const secret = process.env.GJ_SURVEY_SECRET ?? '';
  if (secret.length < MIN_SECRET_LENGTH) {
    console.error(
      `[gongjian] surveys refused: GJ_SURVEY_SECRET is ${secret === '' ? 'not set' : `shorter than ${MIN_SECRET_LENGTH} characters`}. ` +
        'Set a long random string in the environment variables of the surveys cloud function.',
    );
    fail('INTERNAL', 'GJ_SURVEY_SECRET missing or too short', { userMessage: notConfigured });
  }
  return secret;
}

/** The same action, refused before it runs when the survey secret is missing. */
export function requiringSurveySecret<A extends AnyAction>(action: A): A {
  return {
    ...action,
    run(context, input) {
      surveySecret();
      return action.run(context, input);
    },
  };
}
