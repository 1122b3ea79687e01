import type { Role } from '../contract/people';
import { roleLabels } from '../contract/people';
import { isOffice, subjectOf } from '../domain/access/policy';

export function roleLabel(role: Role): string {
  return (roleLabels as Record<string, string | undefined>)[role] ?? role;
}

/** Roles that work in a street or district office and use the office subpackage (as the access policy says). */
export function isOfficeRole(role: Role): boolean {
  return isOffice(subjectOf([{ role, scopeId: role, approved: true }]));
}
