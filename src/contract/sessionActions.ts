import type { Io } from './io';
import type { approveLeaderInput, inviteInput, InvitationView, joinInput, JoinOutput, pendingLeadersInput, PendingLeaderView, whoamiInput, WhoamiOutput } from './session';

/** Cloud function `session`: who the caller is, joining, invitations, approving org leaders. */
export interface SessionActionMap {
  'session.whoami': Io<typeof whoamiInput, WhoamiOutput>;
  'session.join': Io<typeof joinInput, JoinOutput>;
  'session.invite': Io<typeof inviteInput, InvitationView>;
  'session.pendingLeaders': Io<typeof pendingLeadersInput, { items: readonly PendingLeaderView[] }>;
  'session.approveLeader': Io<typeof approveLeaderInput, { person: PendingLeaderView & { approved: true } }>;
}
