import type { PointRule, RuleSet } from './rules';

/**
 * The default points table. The notice's appendix 3 (积分表) was never published, so this is a
 * configurable default: the district (or a street, for its own units) saves its own versions.
 * README section “积分、自评、督办通报与考核” documents the same values.
 */
export const defaultRules: readonly PointRule[] = [
  { target: { type: 'cadence', kind: 'monthlyVisit' }, points: 2, latePoints: 1, cap: 24 },
  { target: { type: 'cadence', kind: 'quarterlyActivity' }, points: 5, latePoints: 3, cap: 20 },
  { target: { type: 'cadence', kind: 'annualSummary' }, points: 8, latePoints: 5, cap: 8 },
  { target: { type: 'record', kind: 'openDay' }, points: 4, cap: 4 },
  { target: { type: 'record', kind: 'festivalVisit' }, points: 3, cap: 6 },
  { target: { type: 'record', kind: 'otherWork' }, points: 1, cap: 6 },
  { target: { type: 'achievement', achievement: 'partyOrgFounded', label: '推动单独建立党组织', contentArea: 'partyMassBuilding' }, points: 10, cap: 10 },
  { target: { type: 'achievement', achievement: 'massOrgFounded', label: '推动建立工会、共青团或妇女组织', contentArea: 'partyMassBuilding' }, points: 5, cap: 10 },
  { target: { type: 'achievement', achievement: 'systemsImproved', label: '协助建立健全党群工作制度', contentArea: 'workSystems' }, points: 2, cap: 4 },
  { target: { type: 'achievement', achievement: 'activistCultivated', label: '培养入党积极分子', contentArea: 'talentCultivation' }, points: 4, cap: 8 },
  { target: { type: 'achievement', achievement: 'hardshipSupport', label: '建立特困员工长期资助关系', contentArea: 'careForMembers' }, points: 3, cap: 6 },
  { target: { type: 'achievement', achievement: 'activityCentre', label: '建成党群活动中心（室）', contentArea: 'activityVenues' }, points: 5, cap: 5 },
  { target: { type: 'achievement', achievement: 'demonstrationSite', label: '打造党建工作示范点', contentArea: 'activitySupport' }, points: 5, cap: 5 },
  { target: { type: 'achievement', achievement: 'researchReport', label: '牵头形成专题调研报告', contentArea: 'practicalProblems' }, points: 5, cap: 10 },
  { target: { type: 'achievement', achievement: 'mediationCommittee', label: '推动建立劳动争议调解委员会', contentArea: 'labourRelations' }, points: 5, cap: 5 },
  { target: { type: 'achievement', achievement: 'collectiveContract', label: '推动签订集体合同', contentArea: 'labourRelations' }, points: 5, cap: 5 },
  { target: { type: 'achievement', achievement: 'practiceLearned', label: '借鉴“两新”组织经验改进机关作风', contentArea: 'workStyle' }, points: 2, cap: 4 },
  { target: { type: 'evaluation', round: 'midYear' }, points: 10, cap: null },
  { target: { type: 'evaluation', round: 'yearEnd' }, points: 10, cap: null },
  { target: { type: 'deduction', period: 'month' }, points: 2, cap: 12 },
  { target: { type: 'deduction', period: 'quarter' }, points: 3, cap: 12 },
  { target: { type: 'deduction', period: 'year' }, points: 5, cap: 5 },
];

export const DEFAULT_YEAR_CAP = 100;
export const DEFAULT_LATE_AFTER_DAYS = 10;

/** The built-in default (version 0, from 1 January): applies until the district saves a version. */
export function defaultRuleSet(year: number): RuleSet {
  return {
    year,
    version: 0,
    effectiveFrom: `${year}-01-01`,
    scope: { kind: 'district' },
    rules: defaultRules,
    yearCap: DEFAULT_YEAR_CAP,
    lateAfterDays: DEFAULT_LATE_AFTER_DAYS,
    note: '系统默认积分表（通知附件3未公布，可由区委党群共建办调整）',
  };
}
