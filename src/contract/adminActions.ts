import type {
  auditInput,
  AuditView,
  directoryInput,
  DirectoryView,
  endPairingInput,
  exportInput,
  ExportView,
  grantOfficeInput,
  importCommitInput,
  importDryRunInput,
  ImportProgressView,
  importRefInput,
  ImportReportView,
  InvitationAdminView,
  invitationsInput,
  OrgDetail,
  orgRefInput,
  overviewInput,
  OverviewView,
  PairingSummary,
  peopleInput,
  PersonAdminView,
  removeGrantInput,
  revokeInvitationInput,
  saveOrgInput,
  savePairingInput,
  SavePairingView,
  saveUnitInput,
  setUnitRoleInput,
  UnitDetail,
  unitRefInput,
} from './admin';
import type { LeaderRequestView, leaderRequestsInput, MyLeaderRequestView, myLeaderRequestsInput, reapplyLeaderInput, refuseLeaderInput } from './adminLeaders';
import type { recordChecksInput, RecordChecksView, RecordCheckView } from './adminChecks';
import type { reviewRecordCheckInput } from './admin';
import type { Io } from './io';

/** Cloud function `admin`: the pairing table, units, orgs, pairings, people, invitations and the audit trail. */
export interface AdminActionMap {
  'admin.overview': Io<typeof overviewInput, OverviewView>;
  'admin.importDryRun': Io<typeof importDryRunInput, ImportReportView>;
  'admin.importCommit': Io<typeof importCommitInput, ImportProgressView>;
  'admin.importStatus': Io<typeof importRefInput, ImportProgressView>;
  'admin.export': Io<typeof exportInput, ExportView>;
  'admin.directory': Io<typeof directoryInput, DirectoryView>;
  'admin.unit': Io<typeof unitRefInput, UnitDetail>;
  'admin.saveUnit': Io<typeof saveUnitInput, UnitDetail>;
  'admin.org': Io<typeof orgRefInput, OrgDetail>;
  'admin.saveOrg': Io<typeof saveOrgInput, OrgDetail>;
  'admin.savePairing': Io<typeof savePairingInput, SavePairingView>;
  'admin.endPairing': Io<typeof endPairingInput, { pairing: PairingSummary }>;
  'admin.people': Io<typeof peopleInput, { people: readonly PersonAdminView[] }>;
  'admin.removeGrant': Io<typeof removeGrantInput, { person: PersonAdminView }>;
  'admin.setUnitRole': Io<typeof setUnitRoleInput, { person: PersonAdminView }>;
  'admin.grantOffice': Io<typeof grantOfficeInput, { person: PersonAdminView }>;
  'admin.invitations': Io<typeof invitationsInput, { items: readonly InvitationAdminView[] }>;
  'admin.revokeInvitation': Io<typeof revokeInvitationInput, { revoked: number }>;
  'admin.audit': Io<typeof auditInput, AuditView>;
  'admin.leaderRequests': Io<typeof leaderRequestsInput, { items: readonly LeaderRequestView[] }>;
  'admin.refuseLeader': Io<typeof refuseLeaderInput, { refused: true }>;
  'admin.myLeaderRequests': Io<typeof myLeaderRequestsInput, { items: readonly MyLeaderRequestView[] }>;
  'admin.recordChecks': Io<typeof recordChecksInput, RecordChecksView>;
  'admin.reapplyLeader': Io<typeof reapplyLeaderInput, { item: MyLeaderRequestView }>;
  'admin.reviewRecordCheck': Io<typeof reviewRecordCheckInput, { item: RecordCheckView }>;
}
