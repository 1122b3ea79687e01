import { checkStreetInput, officeScopeInput, saveCommendationsInput } from '../../../src/contract/points';
import type { AssessmentView, StreetCheckView } from '../../../src/contract/points';
import { isDistrictOffice } from '../../../src/domain/access/scope';
import { commendationProblems, peopleForDisplay } from '../../../src/domain/assessment/commendations';
import { streetCheckFigures, suggestedGrade } from '../../../src/domain/assessment/streetCheck';
import type { StreetCheckFigures } from '../../../src/domain/assessment/streetCheck';
import { streetTotals } from '../../../src/domain/assessment/totals';
import { boundsOf, quartersOfYear } from '../../../src/domain/time/periods';
import type { BulletinDocument, CommendationDocument, SelfAssessmentDocument, StreetCheckDocument } from '../../db/pointsDocuments';
import { findAll, getById } from '../../db/ops';
import { findEvery } from '../../db/paginate';
import type { CloudDatabase } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { aggregateEvery } from './bulk';
import type { PairingLight } from './compute';
import { loadYearConfig } from './config';
import { officeYear } from './office';

const offices = ['streetOffice', 'districtOffice'] as const;

function checkView(figures: StreetCheckFigures, check: StreetCheckDocument | undefined): StreetCheckView {
  return {
    ...figures,
    suggested: suggestedGrade(figures),
    grade: check?.grade ?? null,
    remarks: check?.remarks ?? '',
    ...(check ? { checkedBy: check.checkedBy, checkedAt: new Date(check.checkedAt).toISOString() } : {}),
  };
}

async function setDocument(db: CloudDatabase, collection: string, document: { _id: string }): Promise<void> {
  const { _id, ...data } = document;
  await (db.collection(collection).doc(_id) as unknown as { set(options: { data: object }): Promise<unknown> }).set({ data });
}

/**
 * points.assessment — the annual assessment (年度考核): totals per unit and per street, the district's
 * check of each street, and the commendation list of units and people (people listed, never ranked).
 */
export const assessment = defineAction({
  name: 'points.assessment',
  input: officeScopeInput,
  access: offices,
  async run({ db, caller, now }, input) {
    const office = await officeYear(db, caller, input, now);
    const year = office.year;
    const [bulletins, selfAssessments, checks, commendations] = await Promise.all([
      findAll<Pick<BulletinDocument, 'streetId' | 'quarter'>>(db.collection('bulletins').where({ year, state: 'published' }).field({ streetId: 1, quarter: 1 }).limit(1000)),
      findEvery<Pick<SelfAssessmentDocument, 'unitId' | 'unitStreetId'>>(db.collection('selfAssessments').where({ year }).field({ unitId: 1, unitStreetId: 1 })),
      findAll<StreetCheckDocument>(db.collection('streetChecks').where({ year }).limit(1000)),
      getById<CommendationDocument>(db.collection('commendations'), String(year)),
    ]);
    const streets = office.scope.kind === 'district' ? office.scoped.streets : office.scoped.streets.filter((street) => office.scope.kind === 'street' && office.scope.streetIds.includes(street._id));
    const totals = streetTotals(office.rows, streets.map((street) => ({ id: street._id, name: street.name })));
    const count = <T>(items: readonly T[], key: (item: T) => string | null) => {
      const counts = new Map<string, number>();
      for (const item of items) {
        const id = key(item);
        if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    };
    const quartersEnded = quartersOfYear(year).filter((quarter) => boundsOf(quarter).end.getTime() <= now.getTime()).length;
    const figures = streetCheckFigures(totals, count(bulletins, (bulletin) => bulletin.streetId), count(selfAssessments, (item) => item.unitStreetId), quartersEnded);
    const checkByStreet = new Map(checks.map((check) => [check.streetId, check]));
    const assessed = new Set(selfAssessments.map((item) => item.unitId));
    const unitName = new Map(office.rows.map((row) => [row.unitId, row.unitName]));
    const order = new Map(office.rows.map((row, index) => [row.unitId, index]));
    const inScope = (unitId: string) => unitName.has(unitId);
    const view: AssessmentView = {
      year,
      scopeName: office.scopeName,
      closedAt: office.scoped.config.settings.closedAt,
      rankingsOn: office.rankingsOn,
      units: office.rows.map((row) => ({ ...row, selfAssessed: assessed.has(row.unitId) })),
      streets: totals,
      streetChecks: figures.map((figure) => checkView(figure, checkByStreet.get(figure.streetId))),
      commendations: {
        units: (commendations?.units ?? []).filter((unit) => inScope(unit.unitId)).map((unit) => ({ ...unit, unitName: unitName.get(unit.unitId) ?? unit.unitId })),
        people: peopleForDisplay(
          (commendations?.people ?? []).filter((person) => inScope(person.unitId)).map((person) => ({ ...person, unitName: unitName.get(person.unitId) ?? person.unitId })),
          (unitId) => order.get(unitId) ?? Number.MAX_SAFE_INTEGER,
        ),
      },
      canEdit: isDistrictOffice(caller.grants) && office.scoped.config.settings.closedAt === null,
    };
    return view;
  },
});

async function openYear(db: CloudDatabase, year: number): Promise<void> {
  const config = await loadYearConfig(db, year);
  if (config.settings.closedAt !== null) fail('CONFLICT', `year ${year} closed`, { field: 'year', userMessage: `${year}年度的考核已关闭，不能再修改` });
}

/** points.checkStreet — the district records its check of a street's organisation of the work. */
export const checkStreet = defineAction({
  name: 'points.checkStreet',
  input: checkStreetInput,
  access: ['districtOffice'],
  async run({ db, caller, now }, input) {
    const street = await getById<{ _id: string; name: string }>(db.collection('streets'), input.streetId);
    if (!street) fail('NOT_FOUND', `street ${input.streetId} not found`, { field: 'streetId', userMessage: '街道不存在' });
    await openYear(db, input.year);
    const document: StreetCheckDocument = {
      _id: `${input.year}-${input.streetId}`,
      year: input.year,
      streetId: input.streetId,
      grade: input.grade,
      remarks: input.remarks,
      checkedById: caller.personId,
      checkedBy: caller.name,
      checkedAt: now,
    };
    await setDocument(db, 'streetChecks', document);
    const figures: StreetCheckFigures = { streetId: street._id, streetName: street.name, units: 0, completionRate: null, averagePoints: null, bulletinsPublished: 0, quartersEnded: 0, selfAssessmentsSubmitted: 0 };
    return { check: checkView(figures, document) };
  },
});

/** points.saveCommendations — the district's commendation list of units and people for the year. */
export const saveCommendations = defineAction({
  name: 'points.saveCommendations',
  input: saveCommendationsInput,
  access: ['districtOffice'],
  async run({ db, caller, now }, input) {
    await openYear(db, input.year);
    const pairings = await aggregateEvery<Pick<PairingLight, 'unitId' | 'unitName'>>(db, 'pairings', { year: input.year }, { unitId: 1, unitName: 1 });
    const names = new Map(pairings.map((pairing) => [pairing.unitId, pairing.unitName]));
    const problem = commendationProblems(input, new Set(names.keys()))[0];
    if (problem) fail('INVALID_INPUT', `commendations refused at ${problem.field}`, { field: problem.field, userMessage: problem.message });
    const document: CommendationDocument = { _id: String(input.year), year: input.year, units: input.units, people: input.people, updatedById: caller.personId, updatedBy: caller.name, updatedAt: now };
    await setDocument(db, 'commendations', document);
    const order = new Map([...names.keys()].sort().map((unitId, index) => [unitId, index]));
    return {
      commendations: {
        units: input.units.map((unit) => ({ ...unit, unitName: names.get(unit.unitId) ?? unit.unitId })),
        people: peopleForDisplay(
          input.people.map((person) => ({ ...person, unitName: names.get(person.unitId) ?? person.unitId })),
          (unitId) => order.get(unitId) ?? Number.MAX_SAFE_INTEGER,
        ),
      },
    };
  },
});
