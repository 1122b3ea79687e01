import { Collection } from '../db/collection';
import type { AchievementTagDocument } from '../db/pointsDocuments';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

export type TagLight = Pick<AchievementTagDocument, 'recordId' | 'achievement'>;

/** Achievement tags (成果标注): a confirmed record named as the evidence of an achievement. */
export function pointsTagsRepository(db: CloudDatabase) {
  const _ = db.command;
  const tags = new Collection<AchievementTagDocument>(db, 'achievementTags');
  return {
    /** The year's tags (record and achievement only): of these units, or of every unit. */
    ofYear(year: number, unitIds?: readonly string[]): Promise<TagLight[]> {
      return tags.aggregateEvery<TagLight>(unitIds ? { year, unitId: _.in([...unitIds]) } : { year }, { recordId: 1, achievement: 1 });
    },
    /** These units' tags of the year, whole. */
    ofUnits(unitIds: readonly string[], year: number): Promise<AchievementTagDocument[]> {
      return tags.findEvery({ unitId: _.in([...unitIds]), year });
    },
    save(document: AchievementTagDocument): Promise<void> {
      return tags.set(document._id, withoutId(document));
    },
    /** Answers whether there was such a tag. */
    async remove(tagId: string): Promise<boolean> {
      return (await tags.removeWhere({ _id: tagId })) > 0;
    },
  };
}
