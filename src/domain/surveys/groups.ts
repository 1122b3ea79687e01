/**
 * The three respondent groups of the notice (四(四)): every mid-year and year-end the org's party and
 * mass organisations, its employee representatives and its business owner evaluate the paired unit.
 */
export const respondentGroups = {
  partyMass: '党群组织代表',
  employees: '员工代表',
  owner: '企业主',
} as const;
export type RespondentGroup = keyof typeof respondentGroups;
export const respondentGroupIds = ['partyMass', 'employees', 'owner'] as const satisfies readonly RespondentGroup[];

/** Who belongs to each group, as the respondent reads it on the first screen. */
export const respondentGroupHints: Record<RespondentGroup, string> = {
  partyMass: '党组织和工会、共青团、妇女组织的代表',
  employees: '企业（组织）员工代表',
  owner: '企业主（出资人、负责人）',
};

/**
 * Groups that can only ever have one or two respondents: their answers count in the points,
 * but they are never shown on their own, whatever their size.
 */
export const neverShownAlone: readonly RespondentGroup[] = ['owner'];

export function isRespondentGroup(value: unknown): value is RespondentGroup {
  return typeof value === 'string' && (respondentGroupIds as readonly string[]).includes(value);
}
