/** The offices that answer 投诉建议 (the policy's `office.feedback` then decides which items). */
export const officeRoles = ['streetOffice', 'districtOffice'] as const;
