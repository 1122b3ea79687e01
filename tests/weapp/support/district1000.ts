import { defaultForm } from '../../../src/domain/surveys/form';
import { DEFAULT_MAX_POINTS, DEFAULT_WEIGHTS } from '../../../src/domain/surveys/points';
import { endsAtOf, suggestedRound } from '../../../src/domain/surveys/round';
import { MIN_GROUP_SIZE } from '../../../src/domain/surveys/visibility';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import type { OrgDocument, PairingDocument, StreetDocument, UnitDocument } from '../../../server/db/documents';
import type { SurveyRoundDocument } from '../../../server/db/surveyDocuments';
import type { CloudDatabase } from '../../../server/runtime/cloud';
import { pairingsToSend } from '../../../server/actions/surveys/coverage';
import { ensureEntries } from '../../../server/actions/surveys/entryDocuments';

/**
 * A district at the scale the issue measured: 1,000 units paired with 1,000 orgs over 10 streets
 * this year, one district office, and an open district-wide evaluation round (3,000 group entries,
 * made by the surveys function's own code). No records: what an office screen sends grows with the
 * pairings it lists, and seeding a year of records (as `npm run bench` does) takes minutes here.
 */
export const SCALE_PAIRINGS = 1000;
export const SCALE_OFFICE = 'weapp-scale-office';
/** The staff of the first unit (writes a plan, sends a suggestion). */
export const SCALE_STAFF = 'weapp-scale-staff';

export interface ThousandPairings {
  readonly year: number;
  readonly roundId: string;
  readonly unitIds: readonly string[];
  readonly orgIds: readonly string[];
  readonly pairingIds: readonly string[];
}

const pad = (value: number) => String(value).padStart(4, '0');

async function addInBatches(db: CloudDatabase, collection: string, documents: readonly object[]): Promise<void> {
  for (let start = 0; start < documents.length; start += 1000) await db.collection(collection).add({ data: documents.slice(start, start + 1000) as never });
}

export async function seedThousandPairings(db: CloudDatabase, now: Date): Promise<ThousandPairings> {
  const year = yearOf(now).year;
  const streets: StreetDocument[] = Array.from({ length: 10 }, (_, index) => ({ _id: `scale-street-${index}`, code: `S${index}`, name: `第${index + 1}街道` }));
  const units: UnitDocument[] = Array.from({ length: SCALE_PAIRINGS }, (_, index) => ({ _id: `scale-unit-${pad(index)}`, code: `B${pad(index)}`, name: `区直单位${index + 1}`, level: 'districtDirect', streetId: streets[index % 10]!._id }));
  const orgs: OrgDocument[] = units.map((_, index) => ({
    _id: `scale-org-${pad(index)}`,
    code: `Q${pad(index)}`,
    name: `非公企业${index + 1}有限公司`,
    kind: 'enterprise',
    streetId: streets[(index + 3) % 10]!._id,
    address: `深圳市龙岗区第${((index + 3) % 10) + 1}街道${100 + index}号`,
    location: { latitude: 22.6 + (index % 100) * 0.001, longitude: 114.1 + Math.floor(index / 100) * 0.01 },
    geofenceMetres: 300,
    partyMembers: index % 14,
    partyOrgForm: index % 14 >= 5 ? 'standalone' : 'joint',
    massOrganisations: ['union'],
  }));
  const pairings: PairingDocument[] = units.map((unit, index) => ({
    _id: `scale-pairing-${pad(index)}`,
    unitId: unit._id,
    orgId: orgs[index]!._id,
    unitName: unit.name,
    orgName: orgs[index]!.name,
    year,
    streetId: orgs[index]!.streetId,
    unitStreetId: unit.streetId,
    arrangedBy: 'district',
    startDate: `${year}-01-01`,
    endDate: null,
  }));
  await addInBatches(db, 'streets', streets);
  await addInBatches(db, 'units', units);
  await addInBatches(db, 'orgs', orgs);
  await addInBatches(db, 'pairings', pairings);
  await db.collection('people').add({
    data: { _id: 'person-scale-office', openid: SCALE_OFFICE, name: '区办', grants: [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '基准区', approved: true }], createdAt: now } as never,
  });

  // This year's pairings, as the demo seed does (in January–March WeChat's suggestion is last year's year-end round).
  await db.collection('people').add({
    data: { _id: 'person-scale-staff', openid: SCALE_STAFF, name: '联络员', grants: [{ role: 'unitStaff', scopeType: 'unit', scopeId: units[0]!._id, scopeName: units[0]!.name, approved: true }], createdAt: now } as never,
  });

  const suggested = suggestedRound(now);
  const round: SurveyRoundDocument = {
    _id: `scale-round-${year}-${suggested.period}`,
    year,
    period: suggested.period,
    scope: { type: 'district' },
    scopeName: '全区',
    state: 'draft',
    form: defaultForm(),
    weights: { ...DEFAULT_WEIGHTS },
    threshold: MIN_GROUP_SIZE,
    maxPoints: DEFAULT_MAX_POINTS,
    endDate: suggested.endDate,
    endsAt: endsAtOf(suggested.endDate)!,
    pairingIds: [],
    createdById: 'person-scale-office',
    createdByName: '区办',
    createdAt: now,
    updatedAt: now,
    openedAt: null,
    closedAt: null,
  };
  const covered = await pairingsToSend(db, round, chinaDateString(now));
  const opened: SurveyRoundDocument = { ...round, state: 'open', openedAt: now, pairingIds: covered.map((pairing) => pairing._id) };
  await db.collection('surveyRounds').add({ data: opened as never });
  await ensureEntries(db, opened, covered);
  return { year, roundId: opened._id, unitIds: units.map((unit) => unit._id), orgIds: orgs.map((org) => org._id), pairingIds: pairings.map((pairing) => pairing._id) };
}
