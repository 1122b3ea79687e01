import { yearOf } from '../../../src/domain/time/periods';
import type { JobContext } from '../../runtime/createTimerFunction';
import type { LedgerSync } from '../../services/points/ledger';
import { syncLedger } from '../../services/points/ledger';

/**
 * The points ledger job (the points function's hourly timer): brings this year's ledger and last
 * year's (records of December are still confirmed in January) up to date and moves their watermarks
 * forward; rebuilds each in full once a day. The only writer of the ledger: reads never write.
 */
export async function syncPointsLedger({ db, now }: JobContext): Promise<LedgerSync[]> {
  const year = yearOf(now).year;
  return Promise.all([syncLedger(db, year, now), syncLedger(db, year - 1, now)]);
}
