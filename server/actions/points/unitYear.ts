import type { RecordDocument } from '../../db/documents';
import type { AchievementTagDocument } from '../../db/pointsDocuments';
import { findAll } from '../../db/ops';
import { findEvery } from '../../db/paginate';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { fail } from '../../runtime/failure';
import { toPointsRecord } from './bulk';
import type { PairingLight, UnitLight, UnitResult } from './compute';
import { computeFor } from './compute';
import type { YearConfig } from './config';
import { loadYearConfig } from './config';
import { readEvaluationResults } from './evaluationSource';
import { canSeeUnit } from './scope';

export type RecordDetail = Pick<
  RecordDocument,
  '_id' | 'pairingId' | 'kind' | 'date' | 'state' | 'contentAreas' | 'createdAt' | 'paper' | 'content' | 'results' | 'participants' | 'orgName' | 'confirmed'
>;

export interface UnitsYear {
  readonly config: YearConfig;
  readonly results: readonly UnitResult[];
  readonly details: readonly RecordDetail[];
  readonly tags: readonly AchievementTagDocument[];
}

const detailFields = { _id: 1, pairingId: 1, kind: 1, date: 1, state: 1, contentAreas: 1, createdAt: 1, paper: 1, content: 1, results: 1, participants: 1, orgName: 1, confirmed: 1 } as const;

/** A few units' year with the records' content (the breakdown's titles, the record book), read directly: six requests (seven with the caller). */
export async function unitsYear(db: CloudDatabase, unitIds: readonly string[], year: number, now: Date): Promise<UnitsYear> {
  const _ = db.command;
  const [config, pairings, units, tags] = await Promise.all([
    loadYearConfig(db, year),
    findAll<PairingLight>(db.collection('pairings').where({ unitId: _.in([...unitIds]), year }).limit(1000)),
    findAll<UnitLight>(db.collection('units').where({ _id: _.in([...unitIds]) }).field({ _id: 1, code: 1, name: 1, level: 1, streetId: 1 }).limit(1000)),
    findEvery<AchievementTagDocument>(db.collection('achievementTags').where({ unitId: _.in([...unitIds]), year })),
  ]);
  const unitOfPairing = new Map(pairings.map((pairing) => [pairing._id, pairing.unitId]));
  const evaluations = await readEvaluationResults(db, { year, unitIds, unitOfPairing, caches: config.evaluationCaches }, now);
  const details =
    pairings.length === 0
      ? []
      : await findEvery<RecordDetail>(db.collection('records').where({ pairingId: _.in(pairings.map((pairing) => pairing._id)), state: _.neq('draft') }).orderBy('date', 'asc').orderBy('_id', 'asc').field(detailFields));
  const records = details.map((detail) => toPointsRecord({ ...detail, id: detail._id }));
  const results = computeFor(units, pairings, records, tags.map((tag) => ({ recordId: tag.recordId, achievement: tag.achievement })), evaluations, config, now, true);
  return { config, results, details, tags };
}

/** The one unit the caller asks about (or their own when they have one), checked against their scope. */
export async function visibleUnitYear(db: CloudDatabase, caller: Caller, unitId: string | undefined, year: number, now: Date): Promise<UnitsYear & { result: UnitResult }> {
  const own = caller.grants.filter((grant) => grant.role === 'unitStaff' || grant.role === 'unitHead').map((grant) => grant.scopeId);
  const target = unitId ?? own[0];
  if (target === undefined) fail('INVALID_INPUT', 'no unit given and caller has none', { field: 'unitId', userMessage: '请选择单位' });
  const year$ = await unitsYear(db, [target], year, now);
  const result = year$.results[0];
  if (!result || !canSeeUnit(caller, target, result.pairings)) {
    fail('NOT_FOUND', `unit ${target} not visible to ${caller.personId} in ${year}`, { field: 'unitId', userMessage: '找不到该单位本年度的结对，或不在您的查看范围内' });
  }
  return { ...year$, result };
}
