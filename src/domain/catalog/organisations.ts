/** 单位层级 — which kind of unit, which decides who arranges its pairing (notice 二). */
export const unitLevels = {
  districtDirect: '区直单位',
  districtStationed: '驻区单位',
  publicInstitution: '副处级以上事业单位',
  streetAgency: '街道机关、事业单位',
  streetStationed: '驻街单位',
} as const;
export type UnitLevel = keyof typeof unitLevels;

/** The district arranges district-level units' pairings (附件1); streets arrange their own. */
export function arrangerOf(level: UnitLevel): 'district' | 'street' {
  return level === 'streetAgency' || level === 'streetStationed' ? 'street' : 'district';
}

/** “两新”组织 kinds. */
export const orgKinds = {
  enterprise: '非公企业',
  socialOrg: '社会组织',
} as const;
export type OrgKind = keyof typeof orgKinds;

/** How an org's party organisation is set up (notice 三(一)). */
export const partyOrgForms = {
  standalone: '单独建立党组织',
  joint: '联合建立党组织',
  coveredByArea: '区域或行业覆盖',
  none: '尚未建立',
} as const;
export type PartyOrgForm = keyof typeof partyOrgForms;

/** The party and mass organisations that pair up alongside (notice 四(一)): 党、工、青、妇. */
export const massOrganisations = {
  party: '党组织',
  union: '工会',
  youthLeague: '共青团',
  womens: '妇女组织',
} as const;
export type MassOrganisation = keyof typeof massOrganisations;

/** Notice 三(一): a standalone party organisation needs at least 5 full party members. */
export const MIN_MEMBERS_FOR_STANDALONE_BRANCH = 5;
