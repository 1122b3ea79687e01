/** A pairing (结对): one unit with one “两新” org for a year, as stored and as imported. */
export interface Pairing {
  readonly _id: string;
  readonly unitId: string;
  readonly orgId: string;
  /** Names copied from the unit and the org (kept in step by the admin actions) so lists need no join. */
  readonly unitName: string;
  readonly orgName: string;
  readonly year: number;
  /** The org's street: a street office's scope follows the org's and the unit's street. */
  readonly streetId: string;
  readonly unitStreetId: string;
  readonly arrangedBy: 'district' | 'street';
  /** `YYYY-MM-DD`, China calendar; a change of partner mid-year ends one pairing and starts another. */
  readonly startDate: string;
  readonly endDate: string | null;
}
