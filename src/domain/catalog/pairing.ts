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

/**
 * What a pairing's work (a record, an activity, a survey entry) copies from its pairing: the ids and
 * names that locate it, so the access policy and lists need no join.
 */
export interface PairingCopy {
  readonly pairingId: string;
  readonly unitId: string;
  readonly orgId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly streetId: string;
  readonly unitStreetId: string;
}

export function pairingCopyOf(pairing: Pick<Pairing, '_id' | 'unitId' | 'orgId' | 'unitName' | 'orgName' | 'streetId' | 'unitStreetId'>): PairingCopy {
  return { pairingId: pairing._id, unitId: pairing.unitId, orgId: pairing.orgId, unitName: pairing.unitName, orgName: pairing.orgName, streetId: pairing.streetId, unitStreetId: pairing.unitStreetId };
}
