import { policy } from '../../../src/domain/access/policy';
import type { BulletinDocument } from '../../db/pointsDocuments';
import { bulletinsRepository } from '../../repositories/bulletins';
import { allows } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';

/** The bulletin, when the caller may read it (policy `bulletin.read`); otherwise NOT_FOUND, as if it did not exist. */
export async function readableBulletin(db: CloudDatabase, caller: Caller, bulletinId: string): Promise<BulletinDocument> {
  const bulletin = await bulletinsRepository(db).byId(bulletinId);
  if (!bulletin || !allows(caller, policy.bulletin.read, bulletin)) fail('NOT_FOUND', `bulletin ${bulletinId} not readable by ${caller.personId}`, { field: 'bulletinId', userMessage: '通报不存在或尚未发布' });
  return bulletin;
}

/** A draft the caller may edit (policy `bulletin.edit`): a reader who is not its editor is refused, a published one is final. */
export async function editableBulletin(db: CloudDatabase, caller: Caller, bulletinId: string): Promise<BulletinDocument> {
  const bulletin = await readableBulletin(db, caller, bulletinId);
  if (!allows(caller, policy.bulletin.edit, bulletin)) fail('FORBIDDEN', `person ${caller.personId} may not edit bulletin ${bulletinId}`, { userMessage: '只能编辑本级的通报' });
  if (bulletin.state === 'published') fail('CONFLICT', `bulletin ${bulletinId} is published`, { userMessage: '通报已发布，不能再修改' });
  return bulletin;
}
