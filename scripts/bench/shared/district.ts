/**
 * The bench's district, shared by the bench (points.ts, storeDecode.ts, profilePoints.ts) and the tests
 * that measure the points and bulletins functions' worst cases at district scale
 * (tests/functions/worstCasesDistrict.test.ts): 1,000 pairings over 10 streets, a year of records
 * (40 a pairing, 40,000 in all; at year end ~350 still waiting for confirmation or disputed), two
 * closed evaluation rounds and a district office (`BENCH_OFFICE`).
 */
import type { ContentArea, RecordKind } from '../../../src/domain/records/catalog';
import { chinaInstant } from '../../../src/domain/time/chinaTime';
import { defaultForm } from '../../../src/domain/surveys/form';
import type { RespondentGroup } from '../../../src/domain/surveys/groups';
import { DEFAULT_MAX_POINTS, DEFAULT_WEIGHTS } from '../../../src/domain/surveys/points';
import type { PairingDocument, RecordDocument } from '../../../server/db/documents';
import type { SurveyEntryDocument, SurveyRoundDocument } from '../../../server/db/surveyDocuments';
import type { CloudDatabase } from '../../../server/runtime/cloud';
/** The district's size (issue 11's district scale). */
export const DISTRICT_PAIRINGS = 1000;
const PAIRINGS = DISTRICT_PAIRINGS;
/** The year of the district's records. */
export const BENCH_YEAR = 2026;
const YEAR = BENCH_YEAR;
/** The openid of the district office (区委党群共建办) in the seeded district. */
export const BENCH_OFFICE = 'bench-district-office';
const OFFICE = BENCH_OFFICE;
const pad = (value: number, width = 4) => String(value).padStart(width, '0');

async function addInBatches(db: CloudDatabase, collection: string, documents: readonly object[], batch = 1000): Promise<void> {
  for (let start = 0; start < documents.length; start += batch) await db.collection(collection).add({ data: documents.slice(start, start + batch) as never });
}

/** One bench record of a pairing (also the documents of the store-decoding figure). */
export function record(pairing: PairingDocument, index: number, kind: RecordKind, date: string, state: RecordDocument['state'], areas: readonly ContentArea[]): RecordDocument {
  const at = chinaInstant(YEAR, Number(date.slice(5, 7)), Number(date.slice(8, 10)), 18);
  return {
    _id: `bench-${pairing._id}-${pad(index, 3)}`,
    pairingId: pairing._id,
    unitId: pairing.unitId,
    unitName: pairing.unitName,
    orgId: pairing.orgId,
    orgName: pairing.orgName,
    streetId: pairing.streetId,
    unitStreetId: pairing.unitStreetId,
    year: YEAR,
    kind,
    date,
    contentAreas: areas,
    content: '到企业了解党支部组织生活开展情况，指导落实三会一课制度，听取员工代表意见。',
    results: '帮助修订党支部学习制度，梳理员工诉求并协调解决。',
    participants: { unit: { count: 2, names: ['联络员'] }, org: { count: 4, names: ['书记'] } },
    organisations: { unit: ['party'], org: ['party', 'union'] },
    attachments: [],
    activityId: null,
    checkIn: null,
    flagged: false,
    state,
    revision: 1,
    paper: false,
    authorId: 'bench-author',
    authorName: '联络员',
    confirmToken: null,
    confirmed: state === 'confirmed' ? { at, byId: 'bench-leader', byName: '书记' } : null,
    dispute: null,
    previousRevisions: [],
    history: [
      { at, actorId: 'bench-author', actorName: '联络员', event: 'create', revision: 1 },
      { at, actorId: 'bench-author', actorName: '联络员', event: 'submit', revision: 1 },
    ],
    submittedAt: at,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * `pairings` units and orgs (1,000 by default) over 10 streets, one pairing each, 40 records each, two
 * closed evaluation rounds. `lastMonth` keeps only the records dated up to that month (all 12 by
 * default): a test that needs the district's size but not the whole year's records.
 */
export async function seedDistrict(db: CloudDatabase, count = PAIRINGS, options: { readonly lastMonth?: number } = {}): Promise<void> {
  const lastMonth = options.lastMonth ?? 12;
  const streets = Array.from({ length: 10 }, (_, index) => ({ _id: `bench-street-${index}`, code: `S${index}`, name: `第${index + 1}街道` }));
  const units = Array.from({ length: count }, (_, index) => ({ _id: `bench-unit-${pad(index)}`, code: `B${pad(index)}`, name: `单位${index + 1}`, level: 'districtDirect', streetId: streets[index % 10]!._id }));
  const pairings: PairingDocument[] = units.map((unit, index) => ({
    _id: `bench-pairing-${pad(index)}`,
    unitId: unit._id,
    orgId: `bench-org-${pad(index)}`,
    unitName: unit.name,
    orgName: `组织${index + 1}`,
    year: YEAR,
    streetId: streets[(index + 3) % 10]!._id,
    unitStreetId: unit.streetId,
    arrangedBy: 'district',
    startDate: `${YEAR}-01-01`,
    endDate: null,
  }));
  await addInBatches(db, 'streets', streets);
  await addInBatches(db, 'units', units);
  await addInBatches(db, 'pairings', pairings);
  await db.collection('people').add({ data: { _id: 'person-bench', openid: OFFICE, name: '区办', grants: [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '基准区', approved: true }], createdAt: new Date() } as never });

  const areas: ContentArea[][] = [['partyMassBuilding', 'workSystems'], ['careForMembers'], ['practicalProblems', 'labourRelations'], ['talentCultivation']];
  // Written 25 pairings (1,000 records) at a time: the whole year is never in memory at once.
  const PAIRINGS_PER_BATCH = 25;
  for (let from = 0; from < pairings.length; from += PAIRINGS_PER_BATCH) {
    const records: RecordDocument[] = [];
    for (let p = from; p < Math.min(pairings.length, from + PAIRINGS_PER_BATCH); p += 1) {
      const pairing = pairings[p]!;
      let index = 0;
      for (let month = 1; month <= 12; month += 1) {
        // At year end nearly every record is confirmed; a third of December's second visits still wait, a few are disputed.
        for (let visit = 0; visit < 2; visit += 1) {
          const state = month === 12 && visit === 1 ? (p % 3 === 0 ? 'submitted' : p % 50 === 1 ? 'disputed' : 'confirmed') : 'confirmed';
          records.push(record(pairing, index++, 'monthlyVisit', `${YEAR}-${pad(month, 2)}-${pad(5 + visit * 10, 2)}`, state, areas[(p + index) % 4]!));
        }
      }
      for (let quarter = 1; quarter <= 4; quarter += 1) {
        for (let activity = 0; activity < 2; activity += 1) records.push(record(pairing, index++, 'quarterlyActivity', `${YEAR}-${pad(quarter * 3 - 1, 2)}-${pad(8 + activity * 9, 2)}`, 'confirmed', areas[(p + index) % 4]!));
      }
      records.push(record(pairing, index++, 'annualSummary', `${YEAR}-12-18`, 'confirmed', ['workStyle']));
      records.push(record(pairing, index++, 'openDay', `${YEAR}-05-18`, 'confirmed', ['activityVenues']));
      records.push(record(pairing, index++, 'festivalVisit', `${YEAR}-02-05`, 'confirmed', ['careForMembers']));
      records.push(record(pairing, index++, 'festivalVisit', `${YEAR}-07-01`, 'confirmed', ['careForMembers']));
      while (index < 40) records.push(record(pairing, index++, 'otherWork', `${YEAR}-${pad(1 + (index % 12), 2)}-20`, 'confirmed', areas[(p + index) % 4]!));
    }
    await addInBatches(db, 'records', lastMonth === 12 ? records : records.filter((one) => Number(one.date.slice(5, 7)) <= lastMonth));
  }

  const form = defaultForm();
  const groups: RespondentGroup[] = ['partyMass', 'employees', 'owner'];
  for (const period of ['midYear', 'yearEnd'] as const) {
    const endDate = period === 'midYear' ? `${YEAR}-07-15` : `${YEAR}-12-25`;
    const endsAt = chinaInstant(YEAR, Number(endDate.slice(5, 7)), Number(endDate.slice(8, 10)) + 1);
    const round: SurveyRoundDocument = {
      _id: `bench-round-${period}`,
      year: YEAR,
      period,
      scope: { type: 'district' },
      scopeName: '全区',
      state: 'closed',
      form,
      weights: { ...DEFAULT_WEIGHTS },
      threshold: 3,
      maxPoints: DEFAULT_MAX_POINTS,
      endDate,
      endsAt,
      pairingIds: pairings.map((pairing) => pairing._id),
      createdById: 'person-bench',
      createdByName: '区办',
      createdAt: endsAt,
      updatedAt: endsAt,
      openedAt: endsAt,
      closedAt: endsAt,
    };
    await db.collection('surveyRounds').add({ data: round as never });
    const entries: SurveyEntryDocument[] = pairings.flatMap((pairing, p) =>
      groups.map((group) => ({
        _id: `bench-entry-${period}-${pairing._id}-${group}`,
        roundId: round._id,
        year: YEAR,
        roundLabel: period,
        pairingId: pairing._id,
        unitId: pairing.unitId,
        orgId: pairing.orgId,
        unitName: pairing.unitName,
        orgName: pairing.orgName,
        streetId: pairing.streetId,
        unitStreetId: pairing.unitStreetId,
        group,
        form,
        endDate,
        endsAt,
        state: 'closed' as const,
        codesIssued: 0,
        codesRequired: false,
        rosters: [],
        responses: 5,
        counts: Object.fromEntries(form.items.map((item, i) => [item.id, { satisfied: 3 + ((p + i) % 3), basic: 2 - ((p + i) % 3 === 2 ? 1 : 0), dissatisfied: (p + i) % 5 === 0 ? 1 : 0 }])),
        comments: [],
      })),
    );
    await addInBatches(db, 'surveyEntries', entries);
  }
}

/** The instant the bench means: 5 January of the next year, 10:00 China time (the year is over, the ledger fresh). */
export const benchNow = () => chinaInstant(YEAR + 1, 1, 5, 10);
