import { auditTrail } from './auditTrail';
import { importCommit, importStatus } from './import/commit';
import { importDryRun } from './import/dryRun';
import { exportTable } from './import/export';
import { grantOffice, people, removeGrant, setUnitRole } from './people';
import { invitations, revokeInvitation } from './invitations';
import { org, saveOrg } from './orgs';
import { directory, overview } from './overview';
import { endPairing, savePairing } from './pairings';
import { saveUnit, unit } from './units';

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
];
