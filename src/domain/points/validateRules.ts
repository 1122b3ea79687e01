import { contentAreas } from '../records/catalog';
import type { RuleSet } from './rules';
import { quoted, ruleKey, ruleLabel } from './rules';

export interface RuleProblem {
  /** Path of the offending value in the rule set, e.g. `rules.3.cap`. */
  readonly field: string;
  /** For people, in Chinese. */
  readonly message: string;
}

export interface RuleSetContext {
  /** Today on the China calendar, `YYYY-MM-DD`. */
  readonly today: string;
  /** The district has closed the year's assessment. */
  readonly yearClosed: boolean;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Every reason a rule set cannot be saved, in Chinese (empty when it can). A new version may not
 * reach back: it applies from today or later, so points already earned keep their rules.
 */
export function ruleSetProblems(set: Omit<RuleSet, 'version'>, context: RuleSetContext): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const currentYear = Number(context.today.slice(0, 4));

  if (context.yearClosed) problem('year', `${set.year}年度的考核已关闭，不能再修改积分规则`);
  else if (set.year < currentYear) problem('year', `${set.year}年度已结束，不能再修改积分规则`);
  if (!set.effectiveFrom.startsWith(`${set.year}-`)) problem('effectiveFrom', `生效日期须在${set.year}年内`);
  else if (set.effectiveFrom < context.today) problem('effectiveFrom', `生效日期不能早于今天（${context.today}）：已获得的积分按当时的规则计算，规则不能追溯`);

  if (set.followsDistrict === true && set.scope.kind !== 'street') problem('followsDistrict', '只有街道的版本可以改为采用区的积分规则');
  if (set.yearCap !== null && (!isNumber(set.yearCap) || set.yearCap < 0)) problem('yearCap', '全年积分上限不能为负数');
  if (!Number.isInteger(set.lateAfterDays) || set.lateAfterDays < 0 || set.lateAfterDays > 60) problem('lateAfterDays', '迟报天数须为 0 到 60 之间的整数');
  if (set.rules.length === 0) problem('rules', '积分规则不能为空');

  const seen = new Map<string, number>();
  set.rules.forEach((rule, index) => {
    const at = (name: string) => `rules.${index}.${name}`;
    const label = rule.target.type === 'achievement' && !rule.target.label.trim() ? `第 ${index + 1} 条规则` : quoted(ruleLabel(rule.target));
    const key = ruleKey(rule.target);
    const first = seen.get(key);
    if (first !== undefined) problem(`rules.${index}`, `${label}与第 ${first + 1} 条规则重复：同一项目只能有一条规则、一个上限`);
    else seen.set(key, index);

    if (rule.target.type === 'achievement') {
      if (!/^[A-Za-z][\w-]{0,39}$/.test(rule.target.achievement)) problem(at('target.achievement'), `第 ${index + 1} 条规则的成果编号应为字母开头的英文、数字`);
      if (!rule.target.label.trim()) problem(at('target.label'), `第 ${index + 1} 条规则请填写成果名称`);
      if (!Object.prototype.hasOwnProperty.call(contentAreas, rule.target.contentArea)) problem(at('target.contentArea'), `${label}的共建内容不在通知规定的九项之内`);
    }
    if (!isNumber(rule.points) || rule.points < 0) problem(at('points'), `${label}的分值不能为负数${rule.target.type === 'deduction' ? '（扣分填写扣除的分数）' : ''}`);
    if (rule.latePoints !== undefined) {
      if (rule.target.type !== 'cadence') problem(at('latePoints'), `${label}没有迟报分值，只有到访、联合活动和年度总结有`);
      else if (!isNumber(rule.latePoints) || rule.latePoints < 0) problem(at('latePoints'), `${label}的迟报分值不能为负数`);
      else if (rule.latePoints > rule.points) problem(at('latePoints'), `${label}的迟报分值不能高于按时完成的分值`);
    }
    if (rule.cap !== null) {
      if (!isNumber(rule.cap) || rule.cap < 0) problem(at('cap'), `${label}的上限不能为负数`);
      else if (isNumber(rule.points) && rule.cap < rule.points) problem(at('cap'), `${label}的上限（${rule.cap}）小于单项分值（${rule.points}），与分值重叠矛盾`);
      else if (rule.target.type !== 'deduction' && set.yearCap !== null && isNumber(set.yearCap) && set.yearCap >= 0 && rule.cap > set.yearCap) {
        problem(at('cap'), `${label}的上限（${rule.cap}）超过全年上限（${set.yearCap}），两个上限重叠矛盾`);
      }
    }
  });
  return problems;
}
