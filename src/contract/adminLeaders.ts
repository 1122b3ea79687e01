import { z } from 'zod';
import { idField, textField } from './fields';

/**
 * Approving an org's party leader, as the approver and the person see it: who asks (name, the org
 * they claim, when, who invited them), a refusal with a reason, and the person's own requests.
 */

/** The longest reason a refusal may give. */
export const REFUSAL_REASON_MAX = 200;

/** admin.leaderRequests — party leaders waiting for the caller's approval, with who they are. */
export const leaderRequestsInput = z.object({}).strict();
export interface LeaderRequestView {
  readonly personId: string;
  readonly name: string;
  /** The org they claim to lead. */
  readonly orgId: string;
  readonly orgName: string;
  /** When they asked (ISO instant), when known. */
  readonly requestedAt: string | null;
  /** Who gave them the invitation, when known. */
  readonly invitedByName: string | null;
}

/** admin.refuseLeader — refuse a party leader's request, with the reason they will read. */
export const refuseLeaderInput = z.object({ personId: idField, orgId: idField, reason: textField('退回原因', REFUSAL_REASON_MAX) });

/** admin.myLeaderRequests — the caller's own party-leader requests: waiting, or refused with the reason. */
export const myLeaderRequestsInput = z.object({}).strict();
export type MyLeaderRequestView =
  | { readonly state: 'waiting'; readonly orgId: string; readonly orgName: string }
  | { readonly state: 'refused'; readonly orgId: string; readonly orgName: string; readonly reason: string; readonly refusedAt: string; readonly refusedByName: string };

/** admin.reapplyLeader — after a refusal, ask again to be approved as the org's party leader. */
export const reapplyLeaderInput = z.object({ orgId: idField });
