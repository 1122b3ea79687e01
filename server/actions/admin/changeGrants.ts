import type { Role } from '../../../src/contract/people';
import { roleScope } from '../../../src/contract/people';
import { policy } from '../../../src/domain/access/policy';
import type { AuditDocument } from '../../db/adminDocuments';
import type { PersonDocument } from '../../db/documents';
import { inTransaction, TxRefusal } from '../../db/transaction';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import { auditEntry, recordAudit } from '../../repositories/auditLog';
import { allows } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller, Grant } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import { orgOrFail, unitOrFail } from './entityOrFail';

/** The streets a grant lies in, for the audit trail (an office reads entries of its streets). */
async function streetsOfGrant(db: CloudDatabase, grant: Pick<Grant, 'role' | 'scopeId'>): Promise<string[]> {
  const scopeType = roleScope[grant.role];
  if (scopeType === 'street') return [grant.scopeId];
  if (scopeType === 'unit') return [(await unitOrFail(db, grant.scopeId)).streetId];
  if (scopeType === 'org') return [(await orgOrFail(db, grant.scopeId)).streetId];
  return [];
}

/** May the caller change this grant: the policy's managers of the unit's or org's people; the district office for office roles. */
export async function mayChangeGrant(db: CloudDatabase, caller: Caller, role: Role, scopeId: string): Promise<boolean> {
  switch (roleScope[role]) {
    case 'unit':
      return allows(caller, policy.unit.managePeople, await unitOrFail(db, scopeId));
    case 'org':
      return allows(caller, policy.org.editDetails, await orgOrFail(db, scopeId));
    default:
      return allows(caller, policy.district.administer, {});
  }
}

export interface GrantAudit {
  readonly action: string;
  readonly grant: Pick<Grant, 'role' | 'scopeId' | 'scopeName'>;
  readonly before: string;
  readonly after: string;
  /** Why, in the person's words (a refusal's reason). */
  readonly note?: string;
}

/** The audit entry of a change to one person's grant, by the caller, now (`streetIds`: those the grant lies in). */
export function grantAuditEntry(caller: Pick<Caller, 'personId' | 'name'>, now: Date, person: Pick<PersonDocument, '_id' | 'name'>, audit: GrantAudit, streetIds: readonly string[]): AuditDocument {
  const scopeType = roleScope[audit.grant.role];
  return auditEntry(caller, now, {
    action: audit.action,
    subjectType: 'person',
    subjectId: person._id,
    subjectName: person.name,
    unitId: scopeType === 'unit' ? audit.grant.scopeId : null,
    orgId: scopeType === 'org' ? audit.grant.scopeId : null,
    personId: person._id,
    streetIds,
    changes: [{ field: `${audit.grant.scopeName}的角色`, before: audit.before, after: audit.after }],
    note: audit.note ?? '',
  });
}

/**
 * Changes one person's grants in a transaction, with the audit entry; the person answers as they are
 * after. `change` answers the new grants, or why not (Chinese), from the grants as stored.
 */
export async function changeGrants(db: CloudDatabase, caller: Caller, now: Date, personId: string, change: (grants: readonly Grant[]) => Grant[] | string, audit: GrantAudit): Promise<PersonDocument> {
  const people = adminPeopleRepository(db);
  const person = await people.byId(personId);
  if (!person) fail('NOT_FOUND', `person ${personId}`, { field: 'personId', userMessage: '人员不存在' });
  const streetIds = await streetsOfGrant(db, audit.grant);
  let after: PersonDocument | undefined;
  try {
    await inTransaction(db, async (tx) => {
      const stored = await people.inTx(tx).get(personId);
      const grants = change(stored.grants);
      if (typeof grants === 'string') throw new TxRefusal(grants);
      await people.inTx(tx).setGrants(personId, grants, now);
      await recordAudit(tx, grantAuditEntry(caller, now, stored, audit, streetIds));
      after = { ...stored, grants };
    });
  } catch (error) {
    if (error instanceof TxRefusal) fail('NOT_FOUND', `grant change refused: ${error.reason}`, { userMessage: error.reason });
    throw error;
  }
  return after!;
}
