import { publishBulletin, updateBulletin } from './editBulletin';
import { generateBulletin } from './generateBulletin';
import { getBulletin, listBulletins } from './readBulletins';

export const bulletinActions = [generateBulletin, updateBulletin, publishBulletin, listBulletins, getBulletin];
