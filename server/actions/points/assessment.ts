import { policy } from '../../../src/domain/access/policy';
import { checkStreetInput, officeUnitsPageInput, saveCommendationsInput } from '../../../src/contract/points';
import type { AssessmentView, StreetCheckView } from '../../../src/contract/points';
import { commendationProblems, peopleForDisplay } from '../../../src/domain/assessment/commendations';
import { streetCheckFigures, suggestedGrade } from '../../../src/domain/assessment/streetCheck';
import type { StreetCheckFigures } from '../../../src/domain/assessment/streetCheck';
import { streetTotals } from '../../../src/domain/assessment/totals';
import { boundsOf, quartersOfYear } from '../../../src/domain/time/periods';
import type { CommendationDocument, StreetCheckDocument } from '../../db/pointsDocuments';
import { assessmentRepository } from '../../repositories/assessment';
import { bulletinsRepository } from '../../repositories/bulletins';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import { allows } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { pageOf } from '../../runtime/paging';
import { loadYearConfig } from '../../services/points/yearConfig';
import { officeYear } from './officeYear';

function checkView(figures: StreetCheckFigures, check: StreetCheckDocument | undefined): StreetCheckView {
  return {
    ...figures,
    suggested: suggestedGrade(figures),
    grade: check?.grade ?? null,
    remarks: check?.remarks ?? '',
    ...(check ? { checkedBy: check.checkedBy, checkedAt: new Date(check.checkedAt).toISOString() } : {}),
  };
}

/**
 * points.assessment — the annual assessment (年度考核): totals per unit (one page of them) and per street
 * (all), the district's check of each street, and the commendation list of units and people (people
 * listed, never ranked).
 */
export const assessment = defineAction({
  name: 'points.assessment',
  input: officeUnitsPageInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const office = await officeYear(db, caller, input, now);
    const year = office.year;
    const assessments = assessmentRepository(db);
    const [bulletins, selfAssessments, checks, commendations] = await Promise.all([
      bulletinsRepository(db).publishedOfYear(year),
      assessments.selfAssessedOfYear(year),
      assessments.streetChecksOfYear(year),
      assessments.commendationsOf(year),
    ]);
    const totals = streetTotals(office.rows, office.streets.map((street) => ({ id: street._id, name: street.name })));
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
    const { rows, page } = pageOf(office.rows, input);
    const canEdit = allows(caller, policy.district.administer, {}) && office.scoped.config.settings.closedAt === null;
    const view: AssessmentView = {
      year,
      scopeName: office.scopeName,
      closedAt: office.scoped.config.settings.closedAt,
      rankingsOn: office.rankingsOn,
      units: rows.map((row) => ({ ...row, selfAssessed: assessed.has(row.unitId) })),
      page,
      streets: totals,
      streetChecks: figures.map((figure) => checkView(figure, checkByStreet.get(figure.streetId))),
      commendations: {
        units: (commendations?.units ?? []).filter((unit) => inScope(unit.unitId)).map((unit) => ({ ...unit, unitName: unitName.get(unit.unitId) ?? unit.unitId })),
        people: peopleForDisplay(
          (commendations?.people ?? []).filter((person) => inScope(person.unitId)).map((person) => ({ ...person, unitName: unitName.get(person.unitId) ?? person.unitId })),
          (unitId) => order.get(unitId) ?? Number.MAX_SAFE_INTEGER,
        ),
      },
      canEdit,
      unitChoices: canEdit ? office.rows.map((row) => ({ unitId: row.unitId, unitName: row.unitName })) : [],
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
    const street = await pointsDistrictRepository(db).street(input.streetId);
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
    await assessmentRepository(db).saveStreetCheck(document);
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
    const pairings = await pointsDistrictRepository(db).pairingsOfYearWith(input.year, ['unitId', 'unitName']);
    const names = new Map(pairings.map((pairing) => [pairing.unitId, pairing.unitName]));
    const problem = commendationProblems(input, new Set(names.keys()))[0];
    if (problem) fail('INVALID_INPUT', `commendations refused at ${problem.field}`, { field: problem.field, userMessage: problem.message });
    const document: CommendationDocument = { _id: String(input.year), year: input.year, units: input.units, people: input.people, updatedById: caller.personId, updatedBy: caller.name, updatedAt: now };
    await assessmentRepository(db).saveCommendations(document);
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
