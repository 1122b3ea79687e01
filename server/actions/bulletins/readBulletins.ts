import { bulletinRefInput, listBulletinsInput } from '../../../src/contract/bulletins';
import { policy } from '../../../src/domain/access/policy';
import { yearOf } from '../../../src/domain/time/periods';
import { bulletinsRepository } from '../../repositories/bulletins';
import { accessWhere } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { bulletinSummary, bulletinView } from './bulletinView';
import { readableBulletin } from './findBulletin';

/** bulletins.list — the year's bulletins the caller may read (policy `bulletin.read`): an office's own drafts too, a unit's people the published ones concerning their unit. */
export const listBulletins = defineAction({
  name: 'bulletins.list',
  input: listBulletinsInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const where = accessWhere(db, caller, policy.bulletin.read, { year: input.year ?? yearOf(now).year });
    if (where === null) return { items: [] };
    const rows = await bulletinsRepository(db).list(where);
    return { items: rows.sort((a, b) => b.quarter - a.quarter || (a.streetId === null ? -1 : 1)).map(bulletinSummary) };
  },
});

/** bulletins.get — one bulletin as its readers see it; its editors also get the generated lists to choose from. */
export const getBulletin = defineAction({
  name: 'bulletins.get',
  input: bulletinRefInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    return { bulletin: bulletinView(await readableBulletin(db, caller, input.bulletinId), caller, now) };
  },
});
