import { Collection } from '../db/collection';
import type { EvaluationCacheDocument, PointsSettingsDocument, PointsYearDocument, RuleSetDocument } from '../db/pointsDocuments';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

/**
 * The year's points configuration (`pointsYear`): settings, every saved rule set version and the
 * points of closed evaluation rounds, in one collection so that one request reads a whole year.
 */
export function pointsYearRepository(db: CloudDatabase) {
  const years = new Collection<PointsYearDocument>(db, 'pointsYear');
  return {
    /** Every document of the year (one request). */
    ofYear(year: number): Promise<PointsYearDocument[]> {
      return years.find({ year }, { limit: 1000 });
    },
    saveSettings(document: PointsSettingsDocument): Promise<void> {
      return years.set(document._id, withoutId(document));
    },
    saveEvaluationCache(document: EvaluationCacheDocument): Promise<void> {
      return years.set(document._id, withoutId(document));
    },
    /** Adds a rule set version; `taken` when another office saved that version first (its id exists). */
    async addRuleSet(document: RuleSetDocument): Promise<'added' | 'taken'> {
      try {
        await years.insert(document);
        return 'added';
      } catch (error) {
        if (/duplicate key/i.test(String((error as Error)?.message ?? error))) return 'taken';
        throw error;
      }
    },
  };
}
