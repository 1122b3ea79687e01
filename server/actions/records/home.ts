import { homeInput } from '../../../src/contract/records';
import type { PairingHome } from '../../../src/contract/records';
import type { PendingLeaderView } from '../../../src/contract/session';
import { canApproveLeaderOf, policy } from '../../../src/domain/access/policy';
import { currentCadence } from '../../../src/domain/cadence/cadence';
import type { RecordState } from '../../../src/domain/records/stateMachine';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { monthOf, quarterOf, spanOf, yearOf } from '../../../src/domain/time/periods';
import { recordsRepository } from '../../repositories/records';
import type { RecordSummaryRow } from '../../repositories/records';
import type { CadenceWindow, PairingWithPendingLeaders } from '../../repositories/recordsHome';
import { recordsHomeRepository } from '../../repositories/recordsHome';
import { accessWhere, subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { viewerOf } from '../../runtime/viewer';
import { recordResult, recordSummary } from './recordViews';

const LATEST = 5;
/** Home's 结果: the newest decisions; the record book's 已确认/有异议 filters page through the rest. */
const RESULTS = 5;
const WAITING_ON_UNIT: readonly RecordState[] = ['draft', 'disputed', 'revised'];

/**
 * records.home — the home screen in one call: the caller (as session.whoami: `person: null` for
 * someone who has not joined yet), for the pairings whose
 * records they write (`record.write`) this month's visit, this quarter's activity and this year's
 * summary meeting in China time, the latest records and what waits on them, the latest leaders'
 * decisions on them (结果: 已确认 / 有异议 with the reason); for party leaders what
 * waits for their confirmation (`record.confirm`); and the org leaders waiting for their approval
 * (as session.pendingLeaders). Every read is bounded, whatever a pairing's record count: the records
 * of the current periods' cadence kinds, those waiting on the unit, the latest five and the five
 * newest decisions of each pairing. At most three database requests for a unit worker or an org
 * leader, in two round trips: the caller; then together the own pairings with their org and records
 * (one aggregate, its `$lookup` pipelines), the records to confirm, and the pairings seen with the
 * leaders waiting for approval (one aggregate).
 */
export const home = defineAction({
  name: 'records.home',
  input: homeInput,
  access: 'anyone',
  async run({ db, openid, caller, now }) {
    const today = chinaDateString(now);
    if (!openid) fail('UNAUTHENTICATED', 'records.home without a WeChat identity');
    // Not joined yet: the screen explains joining by invitation (what session.whoami's person: null said).
    if (!caller) return { today, person: null, pairings: [], results: [], toConfirm: [], pendingLeaders: [] };
    const homes = recordsHomeRepository(db);
    const year = { year: yearOf(now).year };
    const ownPairings = accessWhere(db, caller, policy.record.write, year);
    const visiblePairings = accessWhere(db, caller, policy.pairing.view, year);
    const toConfirmWhere = accessWhere(db, caller, policy.record.confirm, { state: 'submitted' });
    const windows: CadenceWindow[] = [
      { item: 'monthlyVisit', ...spanOf(monthOf(now)) },
      { item: 'quarterlyActivity', ...spanOf(quarterOf(now)) },
      { item: 'annualSummary', ...spanOf(yearOf(now)) },
    ];
    const [rows, toConfirm, seen] = await Promise.all([
      ownPairings ? homes.pairingsWithRecords(ownPairings, today, { windows, waiting: WAITING_ON_UNIT, latest: LATEST, results: RESULTS }) : [],
      toConfirmWhere ? recordsRepository(db).waitingOldestFirst(toConfirmWhere, 50) : [],
      visiblePairings ? homes.pairingsWithPendingLeaders(visiblePairings) : [],
    ]);
    const pairings: PairingHome[] = rows.map((row) => ({
      pairingId: row._id,
      unitName: row.unitName,
      orgName: row.orgName,
      orgAddress: row.org[0]?.address ?? '',
      cadence: currentCadence(row.cadence, row, now),
      latest: row.latest.map(recordSummary),
      waitingOnMe: row.cadence.filter((record) => WAITING_ON_UNIT.includes(record.state)).sort(newestFirst).map(recordSummary),
    }));
    const results = rows
      .flatMap((row) => row.results)
      .sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime() || b._id.localeCompare(a._id))
      .slice(0, RESULTS);
    return { today, person: viewerOf(caller), pairings, results: results.map(recordResult), toConfirm: toConfirm.map(recordSummary), pendingLeaders: pendingLeadersAmong(caller, seen) };
  },
});

const newestFirst = (a: RecordSummaryRow, b: RecordSummaryRow) => (a.date === b.date ? b._id.localeCompare(a._id) : b.date.localeCompare(a.date));

/** The leaders waiting for approval the caller may approve (`canApproveLeaderOf`), as session.pendingLeaders answers them. */
function pendingLeadersAmong(caller: Caller, seen: readonly PairingWithPendingLeaders[]): PendingLeaderView[] {
  const subject = subjectOfCaller(caller);
  const orgIds = new Set(seen.filter((pairing) => canApproveLeaderOf(subject, pairing.orgId, seen)).map((pairing) => pairing.orgId));
  const people = [...new Map(seen.flatMap((pairing) => pairing.pendingLeaders).map((person) => [person._id, person])).values()];
  return people.flatMap((person) =>
    person.grants
      .filter((grant) => grant.role === 'orgLeader' && !grant.approved && orgIds.has(grant.scopeId))
      .map((grant) => ({ personId: person._id, name: person.name, orgId: grant.scopeId, orgName: grant.scopeName })),
  );
}
