import { homeInput } from '../../../src/contract/records';
import type { PairingHome, RecordSummary } from '../../../src/contract/records';
import { policy } from '../../../src/domain/access/policy';
import { currentCadence } from '../../../src/domain/cadence/cadence';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import { recordsRepository } from '../../repositories/records';
import type { HomePairingRow } from '../../repositories/recordsPairings';
import { recordsPairingsRepository } from '../../repositories/recordsPairings';
import { accessWhere } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { recordSummary } from './recordViews';

/**
 * records.home — the unit worker's home: this month's visit, this quarter's activity and this year's
 * summary meeting in China time, the latest records and what waits on them, for the pairings whose
 * records they write (`record.write`); for party leaders, what waits for their confirmation
 * (`record.confirm`). Two database requests for a unit worker: the caller, and one aggregate joining
 * the year's pairings with their records and orgs.
 */
export const home = defineAction({
  name: 'records.home',
  input: homeInput,
  access: 'person',
  async run({ db, caller, now }) {
    const ownPairings = accessWhere(db, caller, policy.record.write, { year: yearOf(now).year });
    const toConfirmWhere = accessWhere(db, caller, policy.record.confirm, { state: 'submitted' });
    const [rows, toConfirm] = await Promise.all([
      ownPairings ? recordsPairingsRepository(db).withRecordsAndOrg(ownPairings) : ([] as HomePairingRow[]),
      toConfirmWhere ? recordsRepository(db).waitingOldestFirst(toConfirmWhere, 50) : [],
    ]);
    const pairings: PairingHome[] = rows
      .filter((row) => row.endDate === null || row.endDate >= chinaDateString(now))
      .map((row) => {
        const newestFirst = [...row.records].sort((a, b) => (a.date === b.date ? b._id.localeCompare(a._id) : b.date.localeCompare(a.date)));
        const summaries: RecordSummary[] = newestFirst.map(recordSummary);
        return {
          pairingId: row._id,
          unitName: row.unitName,
          orgName: row.orgName,
          orgAddress: row.org[0]?.address ?? '',
          cadence: currentCadence(row.records, row, now),
          latest: summaries.slice(0, 5),
          waitingOnMe: summaries.filter((summary) => summary.state === 'draft' || summary.state === 'disputed' || summary.state === 'revised'),
        };
      });
    return { today: chinaDateString(now), pairings, toConfirm: toConfirm.map(recordSummary) };
  },
});
