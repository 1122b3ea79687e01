import { getBulletin, listBulletins, publishBulletin, updateBulletin } from './actions';
import { generateBulletin } from './generate';

export const bulletinActions = [generateBulletin, updateBulletin, publishBulletin, listBulletins, getBulletin];
