/** Roles a person can hold; a person may hold several, in several places. */
export const roles = ['unitStaff', 'unitHead', 'orgLeader', 'streetOffice', 'districtOffice'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  unitStaff: '单位党群工作人员',
  unitHead: '单位主要负责人',
  orgLeader: '“两新”组织党组织负责人',
  streetOffice: '街道党群共建办',
  districtOffice: '区委党群共建办',
};

export const scopeTypes = ['unit', 'org', 'street', 'district'] as const;
export type ScopeType = (typeof scopeTypes)[number];

export const roleScope: Record<Role, ScopeType> = {
  unitStaff: 'unit',
  unitHead: 'unit',
  orgLeader: 'org',
  streetOffice: 'street',
  districtOffice: 'district',
};

/**
 * A role a person holds somewhere: the one shape of a grant, as stored on the person
 * (server/db/documents.ts), carried by the caller of an action (server/runtime/context.ts) and
 * shown to pages (`PersonView`, src/contract/session.ts).
 */
export interface Grant {
  readonly role: Role;
  readonly scopeType: ScopeType;
  readonly scopeId: string;
  readonly scopeName: string;
  /** An org's first party leader waits for approval before confirming anything. */
  readonly approved: boolean;
}
