import type { BulletinEdit } from '../../src/domain/bulletins/quarterly';
import { Collection } from '../db/collection';
import type { BulletinDocument } from '../db/pointsDocuments';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

export type BulletinListRow = Pick<BulletinDocument, '_id' | 'scopeName' | 'year' | 'quarter' | 'state' | 'edit' | 'publishedAt' | 'updatedAt' | 'streetId' | 'unitIds'>;

/** Quarterly inspection bulletins (督办通报) of the district and the streets. */
export function bulletinsRepository(db: CloudDatabase) {
  const bulletins = new Collection<BulletinDocument>(db, 'bulletins');
  return {
    byId(bulletinId: string): Promise<BulletinDocument | undefined> {
      return bulletins.byId(bulletinId);
    },
    /** The bulletins matching `where` (the policy's condition), for a list: at most 200, without their content. */
    list(where: object): Promise<BulletinListRow[]> {
      return bulletins.find<BulletinListRow>(where, {
        fields: { _id: 1, scopeName: 1, year: 1, quarter: 1, state: 1, edit: 1, publishedAt: 1, updatedAt: 1, streetId: 1, unitIds: 1 },
        limit: 200,
      });
    },
    /** Which levels published which quarters this year. */
    publishedOfYear(year: number): Promise<Array<Pick<BulletinDocument, 'streetId' | 'quarter'>>> {
      return bulletins.find({ year, state: 'published' }, { fields: { streetId: 1, quarter: 1 }, limit: 1000 });
    },
    /** Writes a draft (a redraft replaces it). */
    save(document: BulletinDocument): Promise<void> {
      return bulletins.set(document._id, withoutId(document));
    },
    /** The office's edit of a draft (replacing the previous edit whole); answers false when it is no longer a draft. */
    async saveEdit(bulletinId: string, edit: BulletinEdit, at: Date, by: string): Promise<boolean> {
      return (await bulletins.updateWhere({ _id: bulletinId, state: 'draft' }, { edit: db.command.set(edit), updatedAt: at, updatedBy: by })) > 0;
    },
    /** Publishes a draft; answers false when it is no longer a draft. */
    async publish(bulletinId: string, at: Date, by: string): Promise<boolean> {
      return (await bulletins.updateWhere({ _id: bulletinId, state: 'draft' }, { state: 'published', publishedAt: at, publishedBy: by, updatedAt: at })) > 0;
    },
  };
}
