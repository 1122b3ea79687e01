import type { Role } from '../contract/people';
import { roleLabels } from '../contract/people';

export function roleLabel(role: Role): string {
  return (roleLabels as Record<string, string | undefined>)[role] ?? role;
}

/** Roles that work in a street or district office and use the office subpackage. */
export function isOfficeRole(role: Role): boolean {
  return role === 'streetOffice' || role === 'districtOffice';
}
