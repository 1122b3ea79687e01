import { policy } from '../../../src/domain/access/policy';
import type { Rule, UnitPlace } from '../../../src/domain/access/policy';
import { requireAccess } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { orgOrFail, unitOrFail } from './entityOrFail';
import { OUT_OF_SCOPE } from './refusals';

export interface InvitationScope {
  readonly id: string;
  readonly streetId: string;
  readonly name: string;
}

/**
 * The unit or org whose invitations are asked for, when the policy lets the caller see them
 * (`manage`: stop them). A unit's: `unit.view` / `unit.managePeople`; an org's: `org.editDetails`.
 */
export async function invitationScopeOrFail(db: CloudDatabase, caller: Caller, scopeType: 'unit' | 'org', scopeId: string, manage: boolean): Promise<InvitationScope> {
  const entity = scopeType === 'unit' ? await unitOrFail(db, scopeId) : await orgOrFail(db, scopeId);
  const rule: Rule<UnitPlace> = scopeType === 'unit' ? (manage ? policy.unit.managePeople : policy.unit.view) : policy.org.editDetails;
  requireAccess(caller, rule, entity, { as: 'FORBIDDEN', userMessage: OUT_OF_SCOPE, ...(scopeType === 'org' ? { orgId: entity._id } : {}) });
  return { id: entity._id, streetId: entity.streetId, name: entity.name };
}
