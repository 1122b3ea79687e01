import { Collection } from '../db/collection';
import type { CommendationDocument, SelfAssessmentDocument, StreetCheckDocument } from '../db/pointsDocuments';
import { withoutId } from '../db/transaction';
import type { CloudDatabase } from '../runtime/cloud';

/** The annual assessment's documents: units' self-assessments, the district's street checks and commendation lists. */
export function assessmentRepository(db: CloudDatabase) {
  const selfAssessments = new Collection<SelfAssessmentDocument>(db, 'selfAssessments');
  const streetChecks = new Collection<StreetCheckDocument>(db, 'streetChecks');
  const commendations = new Collection<CommendationDocument>(db, 'commendations');
  return {
    selfAssessment(id: string): Promise<SelfAssessmentDocument | undefined> {
      return selfAssessments.byId(id);
    },
    saveSelfAssessment(document: SelfAssessmentDocument): Promise<void> {
      return selfAssessments.set(document._id, withoutId(document));
    },
    /** Who submitted a self-assessment this year (unit and its street only). */
    selfAssessedOfYear(year: number): Promise<Array<Pick<SelfAssessmentDocument, 'unitId' | 'unitStreetId'>>> {
      return selfAssessments.findEvery({ year }, { fields: { unitId: 1, unitStreetId: 1 } });
    },
    streetChecksOfYear(year: number): Promise<StreetCheckDocument[]> {
      return streetChecks.find({ year }, { limit: 1000 });
    },
    saveStreetCheck(document: StreetCheckDocument): Promise<void> {
      return streetChecks.set(document._id, withoutId(document));
    },
    commendationsOf(year: number): Promise<CommendationDocument | undefined> {
      return commendations.byId(String(year));
    },
    saveCommendations(document: CommendationDocument): Promise<void> {
      return commendations.set(document._id, withoutId(document));
    },
  };
}
