import type { Grant } from '../../src/contract/people';

/**
 * What a party-leader grant records of the request when someone joins an org with its invitation:
 * when they asked and who gave out the invitation, for the approver to see. Stored on the grant
 * beside its own fields (older grants have neither).
 */
export interface LeaderRequestStamp {
  readonly requestedAt: Date;
  /** The person who gave out the invitation used. */
  readonly invitedBy: string;
}

/** The stamp of a stored grant, when it carries one. */
export function leaderRequestStamp(grant: Grant): Partial<LeaderRequestStamp> {
  const requestedAt = 'requestedAt' in grant && grant.requestedAt instanceof Date ? grant.requestedAt : undefined;
  const invitedBy = 'invitedBy' in grant && typeof grant.invitedBy === 'string' ? grant.invitedBy : undefined;
  return { ...(requestedAt ? { requestedAt } : {}), ...(invitedBy ? { invitedBy } : {}) };
}
