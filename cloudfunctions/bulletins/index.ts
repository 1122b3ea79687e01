import { bulletinActions } from '../../server/actions/bulletins';
import { createFunction } from '../../server/runtime/createFunction';

/** Cloud function `bulletins`: quarterly inspection and bulletins (督办检查与通报) of the district and the streets. */
export const main = createFunction(bulletinActions);
