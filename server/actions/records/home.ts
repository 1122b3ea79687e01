import { homeInput } from '../../../src/contract/records';
import type { PairingHome, RecordSummary } from '../../../src/contract/records';
import { approvedOrgIdsOf, unitIdsOf } from '../../../src/domain/access/scope';
import { currentCadence } from '../../../src/domain/cadence/cadence';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import type { OrgDocument, PairingDocument, RecordDocument } from '../../db/documents';
import { aggregateAll, findAll } from '../../db/ops';
import { defineAction } from '../../runtime/defineAction';
import { recordSummary, summaryProjection } from './views';

/** The pairing fields home shows (and the org's id for its address). */
const pairingFields = { _id: 1, unitName: 1, orgName: 1, orgId: 1, startDate: 1, endDate: 1 } as const;

type HomeRow = PairingDocument & { records: RecordDocument[]; org: Array<Pick<OrgDocument, 'address'>> };

/**
 * records.home — the unit worker's home: this month's visit, this quarter's activity and this year's
 * summary meeting in China time, the latest records and what waits on them; for party leaders, what
 * waits for their confirmation. Two database requests for a unit worker: the caller, and one
 * aggregate joining the year's pairings with their records and orgs.
 */
export const home = defineAction({
  name: 'records.home',
  input: homeInput,
  access: 'person',
  async run({ db, caller, now }) {
    const _ = db.command;
    const year = yearOf(now).year;
    const units = unitIdsOf(caller.grants);
    const orgs = approvedOrgIdsOf(caller.grants);
    const [rows, toConfirm] = await Promise.all([
      units.length === 0
        ? Promise.resolve([] as HomeRow[])
        : aggregateAll<HomeRow>(
            db
              .collection('pairings')
              .aggregate()
              .match({ unitId: _.in(units), year })
              // An equality join, so the records are read through their pairingId index; then only
              // the fields a summary needs are kept.
              .lookup({ from: 'records', localField: '_id', foreignField: 'pairingId', as: 'records' })
              .project({ ...pairingFields, ...Object.fromEntries(Object.keys(summaryProjection).map((field) => [`records.${field}`, 1])) })
              .lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' }),
          ),
      orgs.length === 0
        ? Promise.resolve([] as RecordDocument[])
        : findAll<RecordDocument>(db.collection('records').where({ orgId: _.in(orgs), state: 'submitted' }).orderBy('submittedAt', 'asc').limit(50).field(summaryProjection)),
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
