import { checkIn } from './checkIn';
import { confirmLink } from './confirmLink';
import { confirmOnPaper } from './confirmOnPaper';
import { getRecord } from './getRecord';
import { home } from './home';
import { confirmManyRecords } from './confirmMany';
import { confirmRecord, disputeRecord } from './leaderDecision';
import { listRecords, pendingRecords } from './list';
import { reviseRecord } from './revise';
import { saveRecord } from './save';
import { submitRecord } from './submit';
import { withdrawRecord } from './withdraw';

export const recordActions = [home, checkIn, saveRecord, submitRecord, reviseRecord, confirmRecord, disputeRecord, getRecord, listRecords, pendingRecords, confirmLink, confirmOnPaper, withdrawRecord, confirmManyRecords];
