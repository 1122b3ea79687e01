import { myLeaderRequestsInput, reapplyLeaderInput } from '../../../src/contract/adminLeaders';
import type { MyLeaderRequestView } from '../../../src/contract/adminLeaders';
import type { Grant } from '../../../src/contract/people';
import type { AuditDocument } from '../../db/adminDocuments';
import { adminAuditTrailRepository } from '../../repositories/adminAuditTrail';
import { invitationsRepository } from '../../repositories/invitations';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { changeGrants } from './changeGrants';
import { LEADER_REAPPLIED, LEADER_REFUSED, REFUSED_LABEL, WAITING_LABEL } from './leaderAudit';

/** How many of the person's own leader-request entries are read: far more than anyone has. */
const OWN_ENTRIES = 50;

/**
 * The caller's refusals still standing: per org, the newest refusal or re-application in the audit
 * trail is a refusal, and they hold no party-leader grant for the org since.
 */
async function standingRefusals(db: CloudDatabase, caller: Caller): Promise<AuditDocument[]> {
  const _ = db.command;
  const entries = await adminAuditTrailRepository(db).entries({ personId: caller.personId, action: _.in([LEADER_REFUSED, LEADER_REAPPLIED]) }, { before: null, limit: OWN_ENTRIES });
  const newestPerOrg = new Map<string, AuditDocument>();
  for (const entry of entries) if (entry.orgId !== null && !newestPerOrg.has(entry.orgId)) newestPerOrg.set(entry.orgId, entry);
  const holds = (orgId: string) => caller.grants.some((grant) => grant.role === 'orgLeader' && grant.scopeId === orgId);
  return [...newestPerOrg.values()].filter((entry) => entry.action === LEADER_REFUSED && !holds(entry.orgId!));
}

async function refusedView(db: CloudDatabase, entry: AuditDocument): Promise<MyLeaderRequestView> {
  const orgId = entry.orgId!;
  const org = await invitationsRepository(db).org(orgId);
  return { state: 'refused', orgId, orgName: org?.name ?? orgId, reason: entry.note, refusedAt: entry.at.toISOString(), refusedByName: entry.actorName };
}

/** admin.myLeaderRequests — the caller's party-leader requests: those waiting, and refusals with their reason. */
export const myLeaderRequests = defineAction({
  name: 'admin.myLeaderRequests',
  input: myLeaderRequestsInput,
  access: 'person',
  async run({ db, caller }) {
    const waiting: MyLeaderRequestView[] = caller.grants
      .filter((grant) => grant.role === 'orgLeader' && !grant.approved)
      .map((grant) => ({ state: 'waiting', orgId: grant.scopeId, orgName: grant.scopeName }));
    const refused = await Promise.all((await standingRefusals(db, caller)).map((entry) => refusedView(db, entry)));
    return { items: [...waiting, ...refused] };
  },
});

/**
 * admin.reapplyLeader — after a refusal, ask again: the person waits for approval as the org's
 * party leader once more, without a new invitation. Only a standing refusal can be answered so.
 */
export const reapplyLeader = defineAction({
  name: 'admin.reapplyLeader',
  input: reapplyLeaderInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const refusal = (await standingRefusals(db, caller)).find((entry) => entry.orgId === input.orgId);
    if (!refusal) fail('NOT_FOUND', `person ${caller.personId} has no standing refusal for ${input.orgId}`, { userMessage: '没有可以重新申请的记录' });
    const org = await invitationsRepository(db).org(input.orgId);
    if (!org) fail('NOT_FOUND', `org ${input.orgId} is gone`, { userMessage: '该组织已不存在' });
    const grant: Grant = { role: 'orgLeader', scopeType: 'org', scopeId: org._id, scopeName: org.name, approved: false };
    await changeGrants(
      db,
      caller,
      now,
      caller.personId,
      (grants) => (grants.some((held) => held.role === 'orgLeader' && held.scopeId === org._id) ? '您已提交申请，请等待审核' : [...grants, { ...grant, requestedAt: now }]),
      { action: LEADER_REAPPLIED, grant, before: REFUSED_LABEL, after: WAITING_LABEL },
    );
    return { item: { state: 'waiting' as const, orgId: org._id, orgName: org.name } };
  },
});
