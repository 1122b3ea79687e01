import { z } from 'zod';
import { choiceIds, FORM_LIMITS, ITEM_ID_PATTERN } from '../domain/surveys/form';
import type { SurveyForm } from '../domain/surveys/form';
import { COMMENT_MAX, sanitiseComment } from '../domain/surveys/comments';
import type { RespondentGroup } from '../domain/surveys/groups';
import { respondentGroupIds } from '../domain/surveys/groups';
import type { GroupWeights } from '../domain/surveys/points';
import { MAX_WEIGHT } from '../domain/surveys/points';
import type { RoundPhase, RoundScope, SuggestedRound, SurveyPeriod } from '../domain/surveys/round';
import { surveyPeriodIds } from '../domain/surveys/round';
import type { HiddenReason } from '../domain/surveys/visibility';
import { MIN_GROUP_SIZE } from '../domain/surveys/visibility';
import { MAX_CODES_PER_ISSUE } from '../domain/surveys/ballotCodes';
import type { ItemCounts } from '../domain/surveys/tally';
import type { ListPage } from './fields';
import { chinaDateField, idField, listPageFields, optionalTextField, textField } from './fields';

/** Evaluation surveys (评议): rounds, forms, anonymous answers, results and points. */

const groupField = z.enum(respondentGroupIds, { error: '评议对象分组不正确' });
const periodField = z.enum(surveyPeriodIds, { error: '请选择年中评议或年终评议' });
const formVersionField = z.number({ error: '问卷版本须为数字' }).int().min(1);
/** The token of a group's entry link (and of its QR code's scene). */
export const entryTokenField = z.string({ error: '评议链接无效' }).regex(/^[\w-]{16,32}$/, '评议链接无效');
const weightField = z.number({ error: '权重须为数字' }).int('权重须为整数').min(0, '权重不能为负').max(MAX_WEIGHT, `权重不能超过 ${MAX_WEIGHT}`);

/** surveys.create — an office starts a draft round (default form and weights) for its scope. */
export const createRoundInput = z.object({
  period: periodField,
  year: z.number({ error: '请选择年度' }).int().min(2020, '年度不正确').max(2100, '年度不正确'),
  endDate: chinaDateField,
  /** A street office's street; absent for a district round (district office only). */
  streetId: idField.optional(),
});

/** surveys.updateDraft — edit a draft's form, weights or end date; `formVersion` is the version the office saw. */
export const updateDraftInput = z.object({
  roundId: idField,
  formVersion: formVersionField,
  items: z
    .array(
      z.object({
        id: z.string().regex(ITEM_ID_PATTERN, '题目编号无效').optional(),
        title: textField('题目', FORM_LIMITS.titleMax),
        hint: optionalTextField('说明', FORM_LIMITS.hintMax),
      }),
    )
    .min(FORM_LIMITS.minItems, '问卷至少要有 1 题')
    .max(FORM_LIMITS.maxItems, `问卷最多 ${FORM_LIMITS.maxItems} 题`)
    .optional(),
  weights: z.object({ partyMass: weightField, employees: weightField, owner: weightField }).optional(),
  /** Answers a group needs before its results show: at least 3 (the rule's floor), at most 50. */
  threshold: z.number({ error: '份数须为数字' }).int('份数须为整数').min(MIN_GROUP_SIZE, `公开结果的最少份数不能小于 ${MIN_GROUP_SIZE}`).max(50, '公开结果的最少份数不能超过 50').optional(),
  endDate: chinaDateField.optional(),
});

/** surveys.open — freeze the form the office saw and send the questionnaire to every pairing in scope. */
export const openRoundInput = z.object({ roundId: idField, formVersion: formVersionField });
export const roundRefInput = z.object({ roundId: idField });
/** surveys.round — one round, with one page of its pairings' progress. */
export const roundPageInput = roundRefInput.extend(listPageFields);
export const listRoundsInput = z.object({}).strict();
export const mineInput = z.object({}).strict();
export const pairingResultsInput = z.object({ roundId: idField, pairingId: idField });
export const linksInput = z.object({ roundId: idField, pairingId: idField });
/** surveys.qrCode — one group's mini-program code, as a file with a temporary link (fetched when the card shows it). */
export const qrCodeInput = z.object({ roundId: idField, pairingId: idField, group: groupField });
/** surveys.ballotCodes — the group's one-time codes; `add` issues that many more first (0: just list). */
export const ballotCodesInput = z.object({
  roundId: idField,
  pairingId: idField,
  group: groupField,
  add: z.number({ error: '数量须为数字' }).int('数量须为整数').min(0, '数量不能为负').max(MAX_CODES_PER_ISSUE, `一次最多发放 ${MAX_CODES_PER_ISSUE} 个评议码`).default(0),
});
export const exportRoundInput = z.object({ roundId: idField });

/** surveys.entry — what a respondent opening a group link sees. */
export const entryInput = z.object({ entry: entryTokenField });

/** A submission token: 16 to 64 URL-safe characters (the client makes 22 from 16 random bytes). */
export const SUBMISSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** surveys.answer — one anonymous answer. */
export const answerInput = z.object({
  entry: entryTokenField,
  formVersion: formVersionField,
  answers: z
    .record(z.string().regex(ITEM_ID_PATTERN, '题目编号无效'), z.enum(choiceIds, { error: '请选择满意、基本满意或不满意' }), { error: '请先回答问卷' })
    .refine((answers) => Object.keys(answers).length <= FORM_LIMITS.maxItems, '答卷题目过多'),
  comment: z
    .string({ error: '意见建议须为文字' })
    .max(COMMENT_MAX * 4, `意见建议不能超过 ${COMMENT_MAX} 字`)
    .transform(sanitiseComment)
    .refine((text) => [...text].length <= COMMENT_MAX, `意见建议不能超过 ${COMMENT_MAX} 字`)
    .optional(),
  ballotCode: z.string({ error: '评议码格式不正确' }).max(40, '评议码格式不正确').optional(),
  /**
   * The client's random token for this submission, the same on every re-send of it: a re-sent
   * submission that was counted answers success again instead of "already answered".
   */
  submission: z.string({ error: '提交编号无效' }).regex(SUBMISSION_PATTERN, '提交编号无效').optional(),
});

/** The form as the domain defines it (version and items). */
export type FormView = SurveyForm;

export type GroupCounts = Readonly<Record<RespondentGroup, number>>;

export interface RoundSummaryView {
  readonly id: string;
  readonly year: number;
  readonly period: SurveyPeriod;
  readonly label: string;
  readonly scopeType: RoundScope['type'];
  readonly scopeName: string;
  readonly phase: RoundPhase;
  /** `YYYY-MM-DD`: answers are taken until 24:00 China time of this day. */
  readonly endDate: string;
  readonly endsAt: string;
  /** Pairings sent the questionnaire (0 for a draft). */
  readonly pairingCount: number;
  /** The caller may edit, open and end this round. */
  readonly canManage: boolean;
}

export interface RoundListView {
  readonly items: readonly RoundSummaryView[];
  /** Scopes the caller may start a round for. */
  readonly scopes: ReadonlyArray<{ readonly streetId?: string; readonly name: string }>;
  readonly suggested: SuggestedRound;
}

export interface PairingProgressView {
  readonly pairingId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly responses: GroupCounts;
  readonly total: number;
  /** Once the round has closed. */
  readonly points: number | null;
}

export interface RoundDetailView {
  readonly round: RoundSummaryView & {
    readonly form: FormView;
    readonly weights: GroupWeights;
    readonly threshold: number;
    readonly maxPoints: number;
  };
  /** Pairings a draft would be sent to now (its scope, less those another round of the period covers). */
  readonly pairingsInScope: number;
  /** One page of the progress of the pairings the caller may see, by unit name. */
  readonly pairings: readonly PairingProgressView[];
  /** Where `pairings` sit among all of them (`page.total`). */
  readonly page: ListPage;
  /** Answers received over every pairing the caller may see, not only this page. */
  readonly responses: number;
}

export interface EntryView {
  readonly entry: string;
  readonly roundLabel: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly group: RespondentGroup;
  readonly phase: Exclude<RoundPhase, 'draft'>;
  readonly endDate: string;
  readonly form: FormView;
  /** The party leader has issued ballot codes for this group: only a code answers. */
  readonly codesRequired: boolean;
  /**
   * Whether the person opening the link may answer, told before they fill anything in (as 问卷星's
   * 已填写过): `answered` — their WeChat identity answered this pairing's survey already; `ownUnit` —
   * they belong to the evaluated unit. Says nothing about what anyone answered.
   */
  readonly eligibility: 'open' | 'answered' | 'ownUnit';
}

export interface AnswerOutput {
  readonly counted: true;
  readonly roundLabel: string;
}

export interface ItemResultView {
  readonly id: string;
  readonly title: string;
  readonly counts: ItemCounts;
  /** 0–100, the mean value of the item's answers. */
  readonly score: number | null;
}

export interface GroupResultView {
  readonly group: RespondentGroup;
  readonly responses: number;
  readonly weight: number;
  readonly shown: boolean;
  readonly hiddenReason?: HiddenReason;
  /** Only when shown. */
  readonly items?: readonly ItemResultView[];
}

export interface ResultsView {
  readonly round: RoundSummaryView;
  readonly pairingId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly threshold: number;
  readonly total: number;
  readonly groups: readonly GroupResultView[];
  /** Once the round has closed; null when nobody answered. */
  readonly points: { readonly value: number | null; readonly maxPoints: number; readonly weights: GroupWeights } | null;
  /** Without group, identity or time, in an order that depends on their text only; null while hidden. */
  readonly comments: readonly string[] | null;
}

export interface LinkView {
  readonly group: RespondentGroup;
  readonly entry: string;
  /** Mini-program page with its query, e.g. `pages/survey/index?e=...`. */
  readonly path: string;
  readonly responses: number;
  readonly codesIssued: number;
  readonly codesRequired: boolean;
}

/** A group's mini-program code (小程序码) as an image file. */
export interface QrCodeView {
  readonly group: RespondentGroup;
  /** Temporary link to the PNG; long-press in WeChat to save or forward it. */
  readonly url: string;
  readonly validForSeconds: number;
}

export interface LinksView {
  readonly round: RoundSummaryView;
  readonly pairingId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly groups: readonly LinkView[];
}

export interface BallotCodesView {
  readonly group: RespondentGroup;
  readonly path: string;
  /** Formatted `XXXXX-XXXXX`, numbered from 1 in the order issued. */
  readonly codes: readonly string[];
}

export interface MineItemView {
  readonly round: RoundSummaryView;
  readonly pairingId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly responses: GroupCounts;
  readonly total: number;
  readonly points: number | null;
}

export interface MineView {
  /** Rounds evaluating the caller's unit: counts, and points once closed. */
  readonly asUnit: readonly MineItemView[];
  /** Rounds of the orgs the caller leads (approved): counts only, to share the links. */
  readonly asLeader: readonly MineItemView[];
}

export interface ExportView {
  readonly fileName: string;
  /** A temporary download URL (about 2 hours). */
  readonly url: string;
}
