/**
 * Each function's declared worst case (server/deploy/functions.ts) holds what was measured: the
 * action it names runs on the local cloud, whose accounting counts every database request and every
 * openapi call of the invocation, and the declaration must cover both. Every request is counted as a
 * round trip of its own (parallel ones included), so the figures are an upper bound of the rounds in
 * sequence. The survey round is opened over the demo district plus 1,000 more pairings (issue 11's
 * district scale); the other actions do a fixed amount of work whatever the district's size.
 */
import { chinaInstant } from '../../src/domain/time/chinaTime';
import type { FunctionDeclaration } from '../../server/deploy/functions';
import { declarationOf, functionDeclarations } from '../../server/deploy/functions';
import type { OrgDocument, PairingDocument, UnitDocument } from '../../server/db/documents';
import { wxServerSdk } from '../../localcloud/sdk';
import { visitRecord } from '../support/builders';
import { addPerson, dataOf, useTestCloudAt } from '../support/testCloud';

const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));
const EXTRA_PAIRINGS = 1000;
const pad = (value: number) => String(value).padStart(4, '0');

/** 1,000 more units, orgs and this year's pairings in the demo's streets, written straight to the database. */
async function addThousandPairings(): Promise<void> {
  const db = wxServerSdk().database();
  const streets = [...new Set(cloud().district.units.map((unit) => unit.streetId))];
  const units: UnitDocument[] = Array.from({ length: EXTRA_PAIRINGS }, (_, index) => ({ _id: `wc-unit-${pad(index)}`, code: `W${pad(index)}`, name: `区直单位${index + 1}`, level: 'districtDirect', streetId: streets[index % streets.length]! }));
  const orgs: OrgDocument[] = units.map((unit, index) => ({
    _id: `wc-org-${pad(index)}`,
    code: `X${pad(index)}`,
    name: `非公企业${index + 1}有限公司`,
    kind: 'enterprise',
    streetId: unit.streetId,
    address: `第${index + 1}号`,
    location: { latitude: 22.6 + (index % 100) * 0.001, longitude: 114.1 },
    geofenceMetres: 300,
    partyMembers: 5,
    partyOrgForm: 'standalone',
    massOrganisations: ['union'],
  }));
  const pairings: PairingDocument[] = units.map((unit, index) => ({
    _id: `wc-pairing-${pad(index)}`,
    unitId: unit._id,
    orgId: orgs[index]!._id,
    unitName: unit.name,
    orgName: orgs[index]!.name,
    year: 2026,
    streetId: unit.streetId,
    unitStreetId: unit.streetId,
    arrangedBy: 'district',
    startDate: '2026-01-01',
    endDate: null,
  }));
  await db.collection('units').add({ data: units as never });
  await db.collection('orgs').add({ data: orgs as never });
  await db.collection('pairings').add({ data: pairings as never });
}

type FunctionName = FunctionDeclaration['name'];

/** The most each function's invocations cost so far in this file (several actions per function). */
const worst = new Map<FunctionName, { dbRequests: number; openapiCalls: number }>();

/** Note the latest invocation of the function and check it against the function's declaration. */
function expectWithinDeclaration(functionName: FunctionName): { dbRequests: number; openapiCalls: number; dbRoundTrips: number; dbMostInFlight: number } {
  const account = cloud().cloud.functions.lastInvocation(functionName);
  if (!account) throw new Error(`no invocation of ${functionName} was recorded`);
  const declared = declarationOf(functionName).worstCase;
  expect(account.timedOut).toBe(false);
  expect(account.dbRequests).toBeLessThanOrEqual(declared.dbRounds);
  expect(account.openapiCalls).toBeLessThanOrEqual(declared.openapiRounds);
  const before = worst.get(functionName) ?? { dbRequests: 0, openapiCalls: 0 };
  worst.set(functionName, { dbRequests: Math.max(before.dbRequests, account.dbRequests), openapiCalls: Math.max(before.openapiCalls, account.openapiCalls) });
  return account;
}

describe('measured worst cases (server/deploy/functions.ts, basis: measured)', () => {
  it('activities.post: the activity and its venue code', async () => {
    const t = cloud();
    const { activity } = dataOf(await t.call('demo-liming', 'activities.post', { pairingId: t.district.pairings[0]!._id, title: '联合主题党日', date: '2026-11-20', startTime: '09:00', place: '党群活动室', agenda: '座谈交流' }));
    expectWithinDeclaration('activities');
    dataOf(await t.call('demo-liming', 'activities.venueCode', { activityId: activity.id, withQrImage: true }));
    expect(expectWithinDeclaration('activities').openapiCalls).toBe(1);
  });

  it('feedback.answer: the answer, the audit trail and the message to whoever asked', async () => {
    const t = cloud();
    const sent = dataOf(await t.call('demo-liming', 'feedback.send', { category: 'suggestion', content: '希望增加字号调节' }));
    dataOf(await t.call('demo-zhoutao', 'feedback.answer', { feedbackId: sent.feedback.id, text: '已列入计划' }));
    expectWithinDeclaration('feedback');
  });

  it('records.submit: the record, its history, the confirm link and the message to the leader', async () => {
    const t = cloud();
    const draft = visitRecord(t.district.pairings[0]!._id, '2026-11-20');
    dataOf(await t.call('demo-liming', 'records.save', draft));
    dataOf(await t.call('demo-liming', 'records.submit', { recordId: draft.clientKey, revision: 1 }));
    expect(expectWithinDeclaration('records').openapiCalls).toBe(1);
    dataOf(await t.call('demo-liming', 'records.confirmLink', { recordId: draft.clientKey, withQrImage: true }));
    expect(expectWithinDeclaration('records').openapiCalls).toBe(1);
  });

  it('session.invite: the invitation code and its mini-program code', async () => {
    const t = cloud();
    dataOf(await t.call('demo-zhoutao', 'session.invite', { scopeType: 'unit', scopeId: t.district.units[3]!._id, withQrImage: true }));
    expect(expectWithinDeclaration('session').openapiCalls).toBe(1);
  });

  it('surveys.open over the whole district at 1,000 more pairings: every entry written in batches', async () => {
    const t = cloud();
    await addThousandPairings();
    await addPerson('wc-district', '区办', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '全区' }]);
    const { round } = dataOf(await t.call('wc-district', 'surveys.create', { period: 'yearEnd', year: 2026, endDate: '2026-12-31' }));
    const opened = dataOf(await t.call('wc-district', 'surveys.open', { roundId: round.id, formVersion: round.form.version }));
    expect(opened.round.pairingCount).toBeGreaterThanOrEqual(EXTRA_PAIRINGS);
    const written = await t.count('surveyEntries', { roundId: round.id });
    expect(written).toBe(3 * opened.round.pairingCount);
    // The office waits for five round trips: the caller, the round, the pairings beside the period's
    // other rounds, the claim, and the entries' batches (≤ 512 KB each) sent together.
    const account = expectWithinDeclaration('surveys');
    expect(account.dbRoundTrips).toBeLessThanOrEqual(5);
    expect(account.dbMostInFlight).toBeLessThanOrEqual(10);
    // The answer shows the round's progress without reading the entries back: every pairing, none answered yet.
    expect(opened.page.total).toBe(opened.round.pairingCount);
    expect(opened.responses).toBe(0);
    dataOf(await t.call('wc-district', 'surveys.qrCode', { roundId: round.id, pairingId: 'wc-pairing-0000', group: 'employees' }));
    expect(expectWithinDeclaration('surveys').openapiCalls).toBe(1);
  });

  it('every declaration that says "measured" is measured here or by its own test', () => {
    const measuredHere = new Set(['activities', 'feedback', 'records', 'session', 'surveys']);
    // The import commit and the two reminder timers are measured by their own tests (the work budget per run);
    // points and bulletins over the bench's district (worstCasesDistrict.test.ts: its build is heavy).
    const measuredElsewhere = new Set(['admin', 'bulletins', 'plans', 'points', 'reminders']);
    for (const declaration of functionDeclarations as readonly FunctionDeclaration[]) {
      if (declaration.worstCase.basis !== 'measured') continue;
      expect(measuredHere.has(declaration.name) || measuredElsewhere.has(declaration.name)).toBe(true);
    }
    for (const name of measuredHere) expect(declarationOf(name as FunctionName).worstCase.basis).toBe('measured');
  });

  it('each measured declaration is what was measured, not a guess far above it', () => {
    for (const [name, measured] of worst) {
      const declared = declarationOf(name).worstCase;
      expect({ name, dbRounds: declared.dbRounds, openapiRounds: declared.openapiRounds }).toEqual({ name, dbRounds: measured.dbRequests, openapiRounds: measured.openapiCalls });
    }
  });
});
