import type { bulletinRefInput, BulletinSummary, BulletinView, generateBulletinInput, listBulletinsInput, updateBulletinInput } from './bulletins';
import type { Io } from './io';

/** Cloud function `bulletins`: the quarterly inspection and bulletin of the district and the streets. */
export interface BulletinActionMap {
  'bulletins.generate': Io<typeof generateBulletinInput, { bulletin: BulletinView }>;
  'bulletins.update': Io<typeof updateBulletinInput, { bulletin: BulletinView }>;
  'bulletins.publish': Io<typeof bulletinRefInput, { bulletin: BulletinView }>;
  'bulletins.list': Io<typeof listBulletinsInput, { items: readonly BulletinSummary[] }>;
  'bulletins.get': Io<typeof bulletinRefInput, { bulletin: BulletinView }>;
}
