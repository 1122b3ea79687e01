import { bulletinRefInput, listBulletinsInput, updateBulletinInput } from '../../../src/contract/points';
import { editProblems, publishProblem } from '../../../src/domain/bulletins/quarterly';
import { isDistrictOffice, streetIdsOf, unitIdsOf } from '../../../src/domain/access/scope';
import { yearOf } from '../../../src/domain/time/periods';
import type { BulletinDocument } from '../../db/pointsDocuments';
import { findAll, getById, updateWhere } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { canEditBulletin, canReadBulletin } from './access';
import { bulletinSummary, bulletinView } from './views';

async function readable(db: CloudDatabase, caller: Caller, bulletinId: string): Promise<BulletinDocument> {
  const bulletin = await getById<BulletinDocument>(db.collection('bulletins'), bulletinId);
  if (!bulletin || !canReadBulletin(caller, bulletin)) fail('NOT_FOUND', `bulletin ${bulletinId} not readable by ${caller.personId}`, { field: 'bulletinId', userMessage: '通报不存在或尚未发布' });
  return bulletin;
}

async function editable(db: CloudDatabase, caller: Caller, bulletinId: string): Promise<BulletinDocument> {
  const bulletin = await readable(db, caller, bulletinId);
  if (!canEditBulletin(caller, bulletin)) fail('FORBIDDEN', `person ${caller.personId} may not edit bulletin ${bulletinId}`, { userMessage: '只能编辑本级的通报' });
  if (bulletin.state === 'published') fail('CONFLICT', `bulletin ${bulletinId} is published`, { userMessage: '通报已发布，不能再修改' });
  return bulletin;
}

/** bulletins.update — the office rewrites the texts and trims the lists of a draft (never adds to what the data shows). */
export const updateBulletin = defineAction({
  name: 'bulletins.update',
  input: updateBulletinInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const bulletin = await editable(db, caller, input.bulletinId);
    const { bulletinId: _id, ...edit } = input;
    const problem = editProblems(bulletin.generated, edit)[0];
    if (problem) fail('INVALID_INPUT', `bulletin edit refused at ${problem.field}`, { field: problem.field, userMessage: problem.message });
    const changed = await updateWhere(db.collection('bulletins').where({ _id: bulletin._id, state: 'draft' }), { edit: db.command.set(edit), updatedAt: now, updatedBy: caller.name });
    if (changed === 0) fail('CONFLICT', `bulletin ${bulletin._id} changed during update`);
    return { bulletin: bulletinView({ ...bulletin, edit, updatedAt: now, updatedBy: caller.name }, caller, now) };
  },
});

/** bulletins.publish — publish a draft once its quarter has ended; units then see it. */
export const publishBulletin = defineAction({
  name: 'bulletins.publish',
  input: bulletinRefInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const bulletin = await readable(db, caller, input.bulletinId);
    if (bulletin.state === 'published' && canEditBulletin(caller, bulletin)) fail('ALREADY_DONE', `bulletin ${bulletin._id} already published`, { userMessage: '通报已经发布' });
    await editable(db, caller, input.bulletinId);
    const blocked = publishProblem(bulletin.year, bulletin.quarter, now);
    if (blocked) fail('INVALID_INPUT', `quarter ${bulletin.year}-Q${bulletin.quarter} has not ended`, { field: 'quarter', userMessage: blocked });
    const changed = await updateWhere(db.collection('bulletins').where({ _id: bulletin._id, state: 'draft' }), { state: 'published', publishedAt: now, publishedBy: caller.name, updatedAt: now });
    if (changed === 0) fail('CONFLICT', `bulletin ${bulletin._id} changed during publish`);
    return { bulletin: bulletinView({ ...bulletin, state: 'published', publishedAt: now, publishedBy: caller.name, updatedAt: now }, caller, now) };
  },
});

/** bulletins.list — an office's bulletins (drafts of its own level too); a unit's people the published ones concerning their unit. */
export const listBulletins = defineAction({
  name: 'bulletins.list',
  input: listBulletinsInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const _ = db.command;
    const year = input.year ?? yearOf(now).year;
    const branches: object[] = [];
    if (isDistrictOffice(caller.grants)) branches.push({ year });
    const streets = streetIdsOf(caller.grants);
    if (streets.length > 0) branches.push({ year, streetId: _.in(streets) }, { year, streetId: null, state: 'published' });
    const units = unitIdsOf(caller.grants);
    if (units.length > 0) branches.push({ year, state: 'published', unitIds: _.in(units) });
    if (branches.length === 0) return { items: [] };
    const rows = await findAll<BulletinDocument>(
      db
        .collection('bulletins')
        .where(branches.length === 1 ? branches[0]! : _.or(branches))
        .field({ _id: 1, scopeName: 1, year: 1, quarter: 1, state: 1, edit: 1, publishedAt: 1, updatedAt: 1, streetId: 1, unitIds: 1 })
        .limit(200),
    );
    return {
      items: rows
        .filter((row) => canReadBulletin(caller, row))
        .sort((a, b) => b.quarter - a.quarter || (a.streetId === null ? -1 : 1))
        .map(bulletinSummary),
    };
  },
});

/** bulletins.get — one bulletin as its readers see it; its editors also get the generated lists to choose from. */
export const getBulletin = defineAction({
  name: 'bulletins.get',
  input: bulletinRefInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    return { bulletin: bulletinView(await readable(db, caller, input.bulletinId), caller, now) };
  },
});
