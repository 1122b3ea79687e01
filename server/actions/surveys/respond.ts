import { checkAnswers } from '../../../src/domain/surveys/answers';
import type { Choice } from '../../../src/domain/surveys/form';
import { onceOnlyMaterials } from '../../../src/domain/surveys/onceOnly';
import { endLabel, phaseOf } from '../../../src/domain/surveys/round';
import { answerInput, entryInput } from '../../../src/contract/surveys';
import { isDuplicateKey, surveyBallotsRepository } from '../../repositories/surveyBallots';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import { subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { onceOnlyKey, verifiedBallotCode } from './ballotKeys';
import { lookUpEntry, rememberOpenEntry } from './openEntries';
import type { OpenEntry } from './openEntries';

const missingEntry = '评议链接无效，请向本单位党组织负责人索取新的链接或二维码';
const closedMessage = (endDate: string) => `本次评议已于 ${endLabel(endDate)} 结束，不再接收答卷`;
const alreadyCounted = '您已参加过本次评议，答卷已计入，谢谢！';

/** surveys.entry — what a respondent opening a group's link or QR code sees. No sign-in needed. */
export const getEntry = defineAction({
  name: 'surveys.entry',
  input: entryInput,
  access: 'anyone',
  async run({ db, now }, input) {
    const entry = await surveyEntriesRepository(db).withoutTally(input.entry);
    if (!entry) fail('NOT_FOUND', `survey entry ${input.entry} not found`, { field: 'entry', userMessage: missingEntry });
    rememberOpenEntry(entry);
    return {
      entry: entry._id,
      roundLabel: entry.roundLabel,
      unitName: entry.unitName,
      orgName: entry.orgName,
      group: entry.group,
      phase: phaseOf(entry, now) === 'open' ? 'open' : 'closed',
      endDate: entry.endDate,
      form: entry.form,
      codesRequired: entry.codesRequired,
    };
  },
});

/**
 * surveys.answer — one anonymous answer, exactly once.
 *
 * 1. Everything is checked before anything is written (form, items, comment, ballot code, identity).
 * 2. The once-only keys (HMAC of round, pairing and the WeChat identity and/or the ballot code) are
 *    inserted as `_id`s into `surveyBallots`: a second attempt fails there as a duplicate key.
 * 3. The answer is added to the group's tally in one atomic conditional update (still open, before
 *    the end time, codes not required unless given): counts and the number of answers go up by one,
 *    the comment joins the list at its place in text order.
 * If 3 does not apply, the keys of 2 are removed again, so a refused answer leaves nothing behind.
 * The result names nothing about the respondent. Warm instance: 3 database requests (caller, keys, tally).
 */
export const answer = defineAction({
  name: 'surveys.answer',
  input: answerInput,
  access: 'anyone',
  async run({ db, openid, caller, now }, input) {
    const lookup = await lookUpEntry(db, input.entry);
    if (lookup.kind === 'missing') fail('NOT_FOUND', `survey entry ${input.entry} not found`, { field: 'entry', userMessage: missingEntry });
    if (lookup.kind === 'closed') fail('EXPIRED', `survey entry ${input.entry} closed`, { userMessage: closedMessage(lookup.entry.endDate) });
    const entry = lookup.entry;
    if (now.getTime() >= entry.endsAt) fail('EXPIRED', `survey entry ${entry.id} past its end`, { userMessage: closedMessage(entry.endDate) });
    if (caller && subjectOfCaller(caller).unitIds.includes(entry.unitId)) fail('FORBIDDEN', `person ${caller.personId} belongs to the evaluated unit`, { userMessage: '被评议单位的人员不能参加对本单位的评议' });
    if (input.formVersion !== entry.form.version) fail('CONFLICT', `answer to form version ${input.formVersion}, entry has ${entry.form.version}`, { userMessage: '问卷已更新，请刷新后重新作答' });
    const checked = checkAnswers(entry.form, input.answers);
    if (!checked.ok) fail('INVALID_INPUT', `answer refused at ${checked.field}`, { field: checked.field, userMessage: checked.message });

    const typedCode = input.ballotCode?.trim() ?? '';
    const ballotCode = typedCode === '' ? undefined : verifiedBallotCode(entry.id, typedCode);
    if (typedCode !== '' && ballotCode === undefined) fail('INVALID_INPUT', 'ballot code does not verify', { field: 'ballotCode', userMessage: '评议码无效，请核对后重新输入（注意不要输错分组）' });
    if (entry.codesRequired && ballotCode === undefined) fail('FORBIDDEN', `entry ${entry.id} requires a ballot code`, { field: 'ballotCode', userMessage: '本组凭评议码作答，请输入组织负责人发给您的评议码' });
    const materials = onceOnlyMaterials(entry.roundId, entry.pairingId, { ...(openid ? { openid } : {}), ...(ballotCode ? { ballotCode } : {}) });
    if (materials.length === 0) fail('UNAUTHENTICATED', 'no WeChat identity and no ballot code', { userMessage: '请在微信中打开评议链接，或输入评议码后作答' });

    await recordAnswer(db, entry, { materials, withCode: ballotCode !== undefined, choices: checked.choices, comment: input.comment ?? '' }, now);
    return { counted: true, roundLabel: entry.roundLabel };
  },
});

/** Steps 2 and 3 above, for an answer already checked (also used to seed the demo district). */
export async function recordAnswer(
  db: CloudDatabase,
  entry: OpenEntry,
  answer: { readonly materials: readonly string[]; readonly withCode: boolean; readonly choices: Readonly<Record<string, Choice>>; readonly comment: string },
  now: Date,
): Promise<void> {
  const keys = await claimOnceOnlyKeys(db, entry, answer.materials.map(onceOnlyKey));
  await addToTally(db, entry, keys, answer.withCode, answer.choices, answer.comment, now);
}

async function claimOnceOnlyKeys(db: CloudDatabase, entry: OpenEntry, keys: readonly string[]): Promise<string[]> {
  const ballots = surveyBallotsRepository(db);
  const claimed: string[] = [];
  // One insert per key (usually one): a multi-document insert is not atomic everywhere, and a key
  // claimed before a later one turns out used must be given back.
  for (const key of keys) {
    try {
      await ballots.claim(key, entry);
      claimed.push(key);
    } catch (error) {
      await ballots.release(claimed);
      if (isDuplicateKey(error)) fail('ALREADY_DONE', `once-only key already used for entry ${entry.id}`, { userMessage: alreadyCounted });
      throw error;
    }
  }
  return claimed;
}

async function addToTally(db: CloudDatabase, entry: OpenEntry, keys: readonly string[], withCode: boolean, choices: Readonly<Record<string, Choice>>, comment: string, now: Date): Promise<void> {
  const ballots = surveyBallotsRepository(db);
  let counted: boolean;
  try {
    counted = await surveyEntriesRepository(db).addAnswer(entry.id, { choices, comment, withCode }, now);
  } catch (error) {
    await ballots.release(keys);
    throw error;
  }
  if (counted) return;
  await ballots.release(keys);
  const current = await lookUpEntry(db, entry.id, { fresh: true });
  if (current.kind === 'open' && current.entry.codesRequired && !withCode) {
    fail('FORBIDDEN', `entry ${entry.id} began requiring ballot codes`, { field: 'ballotCode', userMessage: '本组已改为凭评议码作答，请输入组织负责人发给您的评议码' });
  }
  fail('EXPIRED', `entry ${entry.id} closed before the answer was counted`, { userMessage: closedMessage(entry.endDate) });
}
