import { randomInt, timingSafeEqual } from 'node:crypto';
import { checkAnswers } from '../../../src/domain/surveys/answers';
import type { Choice } from '../../../src/domain/surveys/form';
import { onceOnlyMaterials } from '../../../src/domain/surveys/onceOnly';
import { endLabel, phaseOf } from '../../../src/domain/surveys/round';
import { answerInput, entryInput } from '../../../src/contract/surveys';
import type { SurveyEntryDocument } from '../../db/surveyDocuments';
import type { z } from 'zod';
import { beginTransaction, inTransaction, TxRefusal } from '../../db/transaction';
import type { EarlyTransaction, TransactionOptions, Tx } from '../../db/transaction';
import { isDuplicateKey, isTransactionConflict, surveyBallotsRepository } from '../../repositories/surveyBallots';
import { surveyEntriesRepository } from '../../repositories/surveyEntries';
import { subjectOfCaller } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { onceOnlyKey, submissionReceipt, verifiedBallotCode } from './ballotKeys';
import { lookUpEntry, rememberOpenEntry } from './openEntries';
import type { EntryLookup, OpenEntry } from './openEntries';

const missingEntry = '评议链接无效，请向本单位党组织负责人索取新的链接或二维码';
const closedMessage = (endDate: string) => `本次评议已于 ${endLabel(endDate)} 结束，不再接收答卷`;
const alreadyCounted = '您已参加过本次评议，答卷已计入，谢谢！';

/** surveys.entry — what a respondent opening a group's link or QR code sees. No sign-in needed. */
export const getEntry = defineAction({
  name: 'surveys.entry',
  input: entryInput,
  access: 'anyone',
  async run({ db, openid, caller, now }, input) {
    const entry = await surveyEntriesRepository(db).withoutTally(input.entry);
    if (!entry) fail('NOT_FOUND', `survey entry ${input.entry} not found`, { field: 'entry', userMessage: missingEntry });
    rememberOpenEntry(entry);
    // Told now, not after six questions: the same checks surveys.answer makes (one keyed-hash lookup, no answer read).
    const ownUnit = caller !== null && subjectOfCaller(caller).unitIds.includes(entry.unitId);
    const identityKeys = openid ? onceOnlyMaterials(entry.roundId, entry.pairingId, { openid }).map(onceOnlyKey) : [];
    const answered = !ownUnit && identityKeys.length > 0 && (await surveyBallotsRepository(db).receiptsOf(identityKeys)).size > 0;
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
      eligibility: ownUnit ? 'ownUnit' : answered ? 'answered' : 'open',
    };
  },
});

/**
 * surveys.answer — one anonymous answer, exactly once.
 *
 * 1. Everything is checked before anything is written (form, items, comment, ballot code, identity).
 * 2. One transaction (only `doc()` operations and `add`, as WeChat allows) inserts the once-only keys
 *    (HMAC of round, pairing and the WeChat identity and/or the ballot code) as `_id`s into
 *    `surveyBallots`, reads the entry (still open, before its end, codes not required unless given)
 *    and adds the answer to the group's tally. Both writes or neither: a function that dies half-way
 *    leaves nothing, and the respondent can answer again.
 * 3. A key used before fails the insert as a duplicate. When it was used by this same submission (the
 *    client sent it again after losing the response), the keys carry this submission's receipt and the
 *    answer is reported counted; otherwise the respondent is told they already answered.
 * The result names nothing about the respondent.
 */
export const answer = defineAction({
  name: 'surveys.answer',
  input: answerInput,
  access: 'anyoneInRun',
  async run({ db, openid, identifyCaller, now }, input) {
    // One round trip before the transaction's work: who asks, the entry (unless this instance has it)
    // and the transaction's start, side by side. Refused here, the transaction is rolled back unused.
    const starting = beginTransaction(db);
    let checked: { entry: OpenEntry; answer: CheckedAnswer };
    try {
      const [caller, lookup] = await Promise.all([identifyCaller(), lookUpEntry(db, input.entry)]);
      checked = checkAnswer(caller, openid, lookup, input, now);
    } catch (error) {
      await (await starting.catch(() => null))?.abandon();
      throw error;
    }
    await recordAnswer(db, checked.entry, checked.answer, now, await starting);
    return { counted: true, roundLabel: checked.entry.roundLabel };
  },
});

/** Step 1 above: the answer checked against the entry and the caller, or refused with why. */
function checkAnswer(caller: Caller | null, openid: string | undefined, lookup: EntryLookup, input: z.output<typeof answerInput>, now: Date): { entry: OpenEntry; answer: CheckedAnswer } {
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

  return { entry, answer: { materials, withCode: ballotCode !== undefined, choices: checked.choices, comment: input.comment ?? '', ...(input.submission !== undefined ? { submission: input.submission } : {}) } };
}

export interface CheckedAnswer {
  readonly materials: readonly string[];
  readonly withCode: boolean;
  readonly choices: Readonly<Record<string, Choice>>;
  readonly comment: string;
  /** The client's token for this submission: sending the same one again is recognised as counted. */
  readonly submission?: string;
}

/** How many times an answer meeting other answers' transactions is tried before "try again". */
const MAX_ATTEMPTS = 40;

/** Step 2 and 3 above, for an answer already checked (also used to seed the demo district). */
export async function recordAnswer(db: CloudDatabase, entry: OpenEntry, answer: CheckedAnswer, now: Date, early?: EarlyTransaction): Promise<void> {
  const keys = answer.materials.map(onceOnlyKey);
  const receipts = new Map(answer.submission === undefined ? [] : keys.map((key) => [key, submissionReceipt(key, answer.submission!)] as const));
  for (let attempt = 1; ; attempt += 1) {
    // The first attempt in the transaction started beside the reads (when there is one), later ones in new ones.
    const transaction = attempt === 1 && early ? early.run.bind(early) : <T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions) => inTransaction(db, work, options);
    try {
      await transaction(async (tx) => {
        // The keys claimed and, beside them, whether the entry still takes answers (read after this
        // transaction started: a later close changes the entry, so the tally's write below conflicts and
        // the answer is tried again). Keys decide first: a submission counted before is recognised even
        // if the entry closed since.
        const claiming = (async () => {
          for (const key of keys) await surveyBallotsRepository(db).inTx(tx).claim(key, entry, receipts.get(key));
        })();
        const reading = surveyEntriesRepository(db).takingAnswers(entry.id);
        const [claimed, current] = await Promise.allSettled([claiming, reading]);
        if (claimed.status === 'rejected') throw claimed.reason;
        if (current.status === 'rejected') throw current.reason;
        const refusal = refusalOf(current.value ?? { state: 'closed', endsAt: new Date(0), codesRequired: false }, answer.withCode, now);
        if (refusal) throw new TxRefusal(refusal);
        await surveyEntriesRepository(db).inTx(tx).addAnswer(entry.id, answer);
      }, { attempts: 1 });
      return;
    } catch (error) {
      if (error instanceof TxRefusal) refuse(entry, error.reason);
      if (isDuplicateKey(error)) {
        if (await countedBefore(db, keys, receipts)) return;
        fail('ALREADY_DONE', `once-only key already used for entry ${entry.id}`, { userMessage: alreadyCounted });
      }
      if (!isTransactionConflict(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) fail('RATE_LIMITED', `answer to entry ${entry.id} met other answers ${attempt} times`, { userMessage: '同时提交的人较多，答卷尚未计入，请稍后再提交一次' });
      // Answers to one group meet on its tally: wait a little, longer each time, at random.
      await pause(randomInt(1, 5 + 10 * attempt));
    }
  }
}

type Refusal = 'closed' | 'codesRequired';

function refusalOf(current: Pick<SurveyEntryDocument, 'state' | 'endsAt' | 'codesRequired'>, withCode: boolean, now: Date): Refusal | undefined {
  if (current.state !== 'open' || new Date(current.endsAt).getTime() <= now.getTime()) return 'closed';
  if (current.codesRequired && !withCode) return 'codesRequired';
  return undefined;
}

function refuse(entry: OpenEntry, reason: string): never {
  if (reason === 'codesRequired') fail('FORBIDDEN', `entry ${entry.id} began requiring ballot codes`, { field: 'ballotCode', userMessage: '本组已改为凭评议码作答，请输入组织负责人发给您的评议码' });
  fail('EXPIRED', `entry ${entry.id} closed before the answer was counted`, { userMessage: closedMessage(entry.endDate) });
}

/** True when every key is stored with this submission's receipt: the same submission, sent again. */
async function countedBefore(db: CloudDatabase, keys: readonly string[], receipts: ReadonlyMap<string, string>): Promise<boolean> {
  if (receipts.size === 0) return false;
  const stored = await surveyBallotsRepository(db).receiptsOf(keys);
  return keys.every((key) => {
    const kept = stored.get(key);
    const expected = receipts.get(key);
    return typeof kept === 'string' && expected !== undefined && kept.length === expected.length && timingSafeEqual(Buffer.from(kept), Buffer.from(expected));
  });
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
