import { myLeaderRequestsInput, reapplyLeaderInput } from '../../../src/contract/adminLeaders';
import type { MyLeaderRequestView } from '../../../src/contract/adminLeaders';
import type { Grant } from '../../../src/contract/people';
import type { AuditDocument } from '../../db/adminDocuments';
import { inTransaction, isDuplicateKey, TxRefusal } from '../../db/transaction';
import { adminAuditTrailRepository } from '../../repositories/adminAuditTrail';
import { adminPeopleRepository } from '../../repositories/adminPeople';
import { recordAudit } from '../../repositories/auditLog';
import { invitationsRepository } from '../../repositories/invitations';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { callerOf, requireJoined } from '../../runtime/identify';
import type { LeaderRequestStamp } from '../../runtime/leaderRequest';
import { grantAuditEntry } from './changeGrants';
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
 * party leader once more, without a new invitation. Only a standing refusal can be answered so, and
 * only once: the re-application's audit entry is named after the refusal it answers.
 *
 * Five database requests, in sequence, above the three of other actions, because the waiting grant
 * and its audit entry are written together in one transaction (start, the entry added, the grant
 * added, commit: four) so that there is never a grant without its entry, nor an entry without its
 * grant; before it, one aggregate reads the caller (from the WeChat identity: the action identifies
 * its caller, as 'person' access would, with `requireJoined`) with the newest refusal or
 * re-application for the org and the org itself. Nothing is read inside the transaction (a read
 * there would make six): the grant is pushed, keeping whatever else changed the grants meanwhile (as
 * session.join adds one), and a second re-application of the same refusal (a double
 * tap) fails on the entry's name and writes nothing.
 */
export const reapplyLeader = defineAction({
  name: 'admin.reapplyLeader',
  input: reapplyLeaderInput,
  access: 'openid',
  async run({ db, openid, now }, input) {
    // The caller read with the refusal and the org (one request, not two in sequence).
    const newest = await adminAuditTrailRepository(db).newestAboutOrg(openid, input.orgId, [LEADER_REFUSED, LEADER_REAPPLIED]);
    const caller = requireJoined(callerOf(newest.person), openid);
    const refusal = newest.entry;
    const holds = caller.grants.some((grant) => grant.role === 'orgLeader' && grant.scopeId === input.orgId);
    if (!refusal || refusal.action !== LEADER_REFUSED || holds) fail('NOT_FOUND', `person ${caller.personId} has no standing refusal for ${input.orgId}`, { userMessage: '没有可以重新申请的记录' });
    const { org } = newest;
    if (!org) fail('NOT_FOUND', `org ${input.orgId} is gone`, { userMessage: '该组织已不存在' });
    const grant: Grant = { role: 'orgLeader', scopeType: 'org', scopeId: org._id, scopeName: org.name, approved: false };
    const stamp: Pick<LeaderRequestStamp, 'requestedAt'> = { requestedAt: now };
    const waiting: Grant = { ...grant, ...stamp };
    const entry: AuditDocument = { ...grantAuditEntry(caller, now, { _id: caller.personId, name: caller.name }, { action: LEADER_REAPPLIED, grant, before: REFUSED_LABEL, after: WAITING_LABEL }, [org.streetId]), _id: `${refusal._id}-reapplied` };
    try {
      await inTransaction(db, async (tx) => {
        // The entry first: a re-application of this refusal made meanwhile fails it as a duplicate.
        await recordAudit(tx, entry);
        if (!(await adminPeopleRepository(db).inTx(tx).addGrant(caller.personId, waiting, now))) throw new TxRefusal('人员不存在');
      });
    } catch (error) {
      if (error instanceof TxRefusal) fail('NOT_FOUND', `reapplication refused: ${error.reason}`, { userMessage: error.reason });
      if (isDuplicateKey(error)) fail('NOT_FOUND', `refusal ${refusal._id} already answered`, { userMessage: '您已提交申请，请等待审核' });
      throw error;
    }
    return { item: { state: 'waiting' as const, orgId: org._id, orgName: org.name } };
  },
});
