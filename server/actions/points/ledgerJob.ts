import { yearOf } from '../../../src/domain/time/periods';
import type { JobContext } from '../../runtime/createTimerFunction';
import type { LedgerSync } from '../../services/points/ledger';
import { syncLedger } from '../../services/points/ledger';
import { writeMissingEvaluationCaches } from '../../services/points/evaluationCache';

/**
 * The points ledger job (the points function's hourly timer): brings this year's ledger and last
 * year's (records of December are still confirmed in January) up to date and moves their watermarks
 * forward; rebuilds one chunk from the records each run (every chunk within 16 runs), the whole
 * ledger only when there is none to use. The only writer of the ledger: reads never write.
 * It also writes the evaluation points of rounds that closed at their end time (surveys.close writes
 * those closed by hand), so reads do not recompute them from the tallies.
 */
export async function syncPointsLedger({ db, now }: JobContext): Promise<LedgerSync[]> {
  const year = yearOf(now).year;
  const [synced] = await Promise.all([
    Promise.all([syncLedger(db, year, now), syncLedger(db, year - 1, now)]),
    writeMissingEvaluationCaches(db, year, now),
    writeMissingEvaluationCaches(db, year - 1, now),
  ]);
  return synced;
}
