import { auditTrail } from './auditTrail';
import { directory } from './directory';
import { endPairing } from './endPairing';
import { grantOffice } from './grantOffice';
import { exportTable } from './import/exportTable';
import { importCommit } from './import/importCommit';
import { importDryRun } from './import/importDryRun';
import { importStatus } from './import/importStatus';
import { leaderRequests } from './leaderRequests';
import { invitations } from './listInvitations';
import { myLeaderRequests, reapplyLeader } from './myLeaderRequests';
import { people } from './listPeople';
import { org } from './orgDetail';
import { overview } from './overview';
import { recordChecks } from './recordChecks';
import { refuseLeader } from './refuseLeader';
import { reviewRecordCheck } from './reviewRecordCheck';
import { removeGrant } from './removeGrant';
import { revokeInvitation } from './revokeInvitation';
import { saveOrg } from './saveOrg';
import { savePairing } from './savePairing';
import { saveUnit } from './saveUnit';
import { setUnitRole } from './setUnitRole';
import { unit } from './unitDetail';

/** The actions of the cloud function `admin`. */
export const adminActions = [
  overview,
  importDryRun,
  importCommit,
  importStatus,
  exportTable,
  directory,
  unit,
  saveUnit,
  org,
  saveOrg,
  savePairing,
  endPairing,
  people,
  removeGrant,
  setUnitRole,
  grantOffice,
  invitations,
  revokeInvitation,
  auditTrail,
  leaderRequests,
  refuseLeader,
  myLeaderRequests,
  reapplyLeader,
  recordChecks,
  reviewRecordCheck,
];
