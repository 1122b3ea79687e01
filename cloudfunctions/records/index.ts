import { recordActions } from '../../server/actions/records';
import { createFunction } from '../../server/runtime/createFunction';

/** Cloud function `records`: visits, the record book (积分行动记录本) and one-tap confirmation. */
export const main = createFunction(recordActions);
