import { bulletinRefInput, updateBulletinInput } from '../../../src/contract/bulletins';
import { policy } from '../../../src/domain/access/policy';
import { editProblems, publishProblem } from '../../../src/domain/bulletins/quarterly';
import { bulletinsRepository } from '../../repositories/bulletins';
import { allows } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { bulletinView } from './bulletinView';
import { editableBulletin, readableBulletin } from './findBulletin';

/** bulletins.update — the office rewrites the texts and trims the lists of a draft (never adds to what the data shows). */
export const updateBulletin = defineAction({
  name: 'bulletins.update',
  input: updateBulletinInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const bulletin = await editableBulletin(db, caller, input.bulletinId);
    const { bulletinId: _id, ...edit } = input;
    const problem = editProblems(bulletin.generated, edit)[0];
    if (problem) fail('INVALID_INPUT', `bulletin edit refused at ${problem.field}`, { field: problem.field, userMessage: problem.message });
    if (!(await bulletinsRepository(db).saveEdit(bulletin._id, edit, now, caller.name))) fail('CONFLICT', `bulletin ${bulletin._id} changed during update`);
    return { bulletin: bulletinView({ ...bulletin, edit, updatedAt: now, updatedBy: caller.name }, caller, now) };
  },
});

/** bulletins.publish — publish a draft once its quarter has ended; units then see it. */
export const publishBulletin = defineAction({
  name: 'bulletins.publish',
  input: bulletinRefInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const bulletin = await readableBulletin(db, caller, input.bulletinId);
    if (bulletin.state === 'published' && allows(caller, policy.bulletin.edit, bulletin)) fail('ALREADY_DONE', `bulletin ${bulletin._id} already published`, { userMessage: '通报已经发布' });
    await editableBulletin(db, caller, input.bulletinId);
    const blocked = publishProblem(bulletin.year, bulletin.quarter, now);
    if (blocked) fail('INVALID_INPUT', `quarter ${bulletin.year}-Q${bulletin.quarter} has not ended`, { field: 'quarter', userMessage: blocked });
    if (!(await bulletinsRepository(db).publish(bulletin._id, now, caller.name))) fail('CONFLICT', `bulletin ${bulletin._id} changed during publish`);
    return { bulletin: bulletinView({ ...bulletin, state: 'published', publishedAt: now, publishedBy: caller.name, updatedAt: now }, caller, now) };
  },
});
