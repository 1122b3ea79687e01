import { homeInput } from '../../../src/contract/records';
import type { PairingHome, RecordSummary } from '../../../src/contract/records';
import { policy } from '../../../src/domain/access/policy';
import { currentCadence } from '../../../src/domain/cadence/cadence';
import type { RecordState } from '../../../src/domain/records/stateMachine';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { monthOf, quarterOf, spanOf, yearOf } from '../../../src/domain/time/periods';
import { recordsRepository } from '../../repositories/records';
import type { RecordSummaryRow } from '../../repositories/records';
import type { CadenceWindow } from '../../repositories/recordsHome';
import { recordsHomeRepository } from '../../repositories/recordsHome';
import { recordResultsRepository } from '../../repositories/recordResults';
import { accessWhere } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { viewerOf } from '../../runtime/viewer';
import { pendingLeadersOf } from '../../services/people/pendingLeaders';
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
 * of the current periods' cadence kinds, those waiting on the unit, the latest five by index and the
 * five newest decisions. Three round trips: the caller; pairings, records to confirm, pending leaders;
 * cadence and waiting records, the latest of each pairing, the results.
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
    const ownPairings = accessWhere(db, caller, policy.record.write, { year: yearOf(now).year });
    const toConfirmWhere = accessWhere(db, caller, policy.record.confirm, { state: 'submitted' });
    const [rows, toConfirm, pendingLeaders] = await Promise.all([
      ownPairings ? homes.pairingsWithOrg(ownPairings).then((found) => found.filter((row) => row.endDate === null || row.endDate >= today)) : [],
      toConfirmWhere ? recordsRepository(db).waitingOldestFirst(toConfirmWhere, 50) : [],
      pendingLeadersOf(db, caller, now),
    ]);
    const windows: CadenceWindow[] = [
      { item: 'monthlyVisit', ...spanOf(monthOf(now)) },
      { item: 'quarterlyActivity', ...spanOf(quarterOf(now)) },
      { item: 'annualSummary', ...spanOf(yearOf(now)) },
    ];
    const ids = rows.map((row) => row._id);
    const [cadenceOrWaiting, latest, results] = await Promise.all([
      ids.length > 0 ? homes.cadenceOrWaiting(ids, windows, WAITING_ON_UNIT) : ([] as RecordSummaryRow[]),
      Promise.all(ids.map((id) => homes.latest(id, LATEST))),
      ids.length > 0 ? recordResultsRepository(db).latest(ids, RESULTS) : [],
    ]);
    const pairings: PairingHome[] = rows.map((row, index) => {
      const own = cadenceOrWaiting.filter((record) => record.pairingId === row._id);
      const waitingOnMe: RecordSummary[] = own
        .filter((record) => WAITING_ON_UNIT.includes(record.state))
        .sort((a, b) => (a.date === b.date ? b._id.localeCompare(a._id) : b.date.localeCompare(a.date)))
        .map(recordSummary);
      return {
        pairingId: row._id,
        unitName: row.unitName,
        orgName: row.orgName,
        orgAddress: row.org[0]?.address ?? '',
        cadence: currentCadence(own, row, now),
        latest: latest[index]!.map(recordSummary),
        waitingOnMe,
      };
    });
    return { today, person: viewerOf(caller), pairings, results: results.map(recordResult), toConfirm: toConfirm.map(recordSummary), pendingLeaders };
  },
});
