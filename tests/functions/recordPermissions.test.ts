import type { ActionName } from '../../src/contract/actions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { visitRecord } from '../support/builders';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { addMatrixPeople, matrixActors } from '../support/matrixActors';
import type { MatrixActor, MatrixOutcome } from '../support/matrixActors';
import { openTestCloud } from '../support/testCloud';

/** Every role against every record action, in and out of the pairing's scope. */
const actors = matrixActors;
type Actor = MatrixActor;
type Outcome = MatrixOutcome;

let t: TestCloud;
let pairingId: string;
beforeAll(async () => {
  standAt(chinaInstant(2026, 11, 20, 10));
  t = await openTestCloud();
  const first = t.district.pairings[0]!;
  pairingId = first._id;
  await addMatrixPeople(t);
});
afterAll(() => {
  t.close();
  restoreClock();
});

async function draft(): Promise<string> {
  const saved = await t.call(actors.unitStaff, 'records.save', visitRecord(pairingId, '2026-11-10'));
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.data.record.id;
}
async function submitted(): Promise<{ id: string; token: string }> {
  const id = await draft();
  const result = await t.call(actors.unitStaff, 'records.submit', { recordId: id, revision: 1 });
  if (!result.ok) throw new Error(result.error.message);
  return { id, token: result.data.link.token };
}
async function disputed(): Promise<string> {
  const { token, id } = await submitted();
  const result = await t.call(actors.orgLeader, 'records.dispute', { token, reason: '内容需补充' });
  if (!result.ok) throw new Error(result.error.message);
  return id;
}

interface Case {
  readonly action: ActionName;
  readonly input: () => Promise<unknown>;
  readonly expected: Record<Actor, Outcome>;
}

const unitOnly = { unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'FORBIDDEN', orgLeader: 'FORBIDDEN', pendingLeader: 'FORBIDDEN', otherOrgLeader: 'FORBIDDEN', streetOffice: 'FORBIDDEN', otherStreetOffice: 'FORBIDDEN', districtOffice: 'FORBIDDEN', stranger: 'UNAUTHENTICATED' } as const;
const leaderOnly = { unitStaff: 'FORBIDDEN', unitHead: 'FORBIDDEN', otherUnitStaff: 'FORBIDDEN', orgLeader: 'ok', pendingLeader: 'PENDING_APPROVAL', otherOrgLeader: 'NOT_FOUND', streetOffice: 'FORBIDDEN', otherStreetOffice: 'FORBIDDEN', districtOffice: 'FORBIDDEN', stranger: 'UNAUTHENTICATED' } as const;

const cases: Case[] = [
  { action: 'records.checkIn', input: async () => ({ pairingId, latitude: 22.72, longitude: 114.24, accuracy: 30 }), expected: unitOnly },
  { action: 'records.save', input: async () => visitRecord(pairingId, '2026-11-09'), expected: unitOnly },
  {
    action: 'records.save',
    input: async () => ({ ...visitRecord(pairingId, '2026-11-09'), paper: true }),
    expected: { ...unitOnly, unitStaff: 'FORBIDDEN', unitHead: 'FORBIDDEN', streetOffice: 'ok', districtOffice: 'ok' },
  },
  { action: 'records.submit', input: async () => ({ recordId: await draft(), revision: 1 }), expected: { ...unitOnly, otherUnitStaff: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND' } },
  { action: 'records.confirm', input: async () => ({ token: (await submitted()).token }), expected: leaderOnly },
  { action: 'records.confirm', input: async () => ({ recordId: (await submitted()).id, revision: 1 }), expected: leaderOnly },
  { action: 'records.dispute', input: async () => ({ token: (await submitted()).token, reason: '人数不符' }), expected: leaderOnly },
  { action: 'records.revise', input: async () => ({ recordId: await disputed() }), expected: { ...unitOnly, otherUnitStaff: 'NOT_FOUND', otherOrgLeader: 'FORBIDDEN', otherStreetOffice: 'NOT_FOUND' } },
  {
    action: 'records.get',
    input: async () => ({ recordId: (await submitted()).id }),
    expected: { unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'NOT_FOUND', orgLeader: 'ok', pendingLeader: 'ok', otherOrgLeader: 'NOT_FOUND', streetOffice: 'ok', otherStreetOffice: 'NOT_FOUND', districtOffice: 'ok', stranger: 'UNAUTHENTICATED' },
  },
  {
    action: 'records.confirmLink',
    input: async () => ({ recordId: (await submitted()).id }),
    expected: { unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'NOT_FOUND', orgLeader: 'NOT_FOUND', pendingLeader: 'NOT_FOUND', otherOrgLeader: 'NOT_FOUND', streetOffice: 'NOT_FOUND', otherStreetOffice: 'NOT_FOUND', districtOffice: 'NOT_FOUND', stranger: 'UNAUTHENTICATED' },
  },
  { action: 'records.pending', input: async () => ({}), expected: { ...leaderOnly, otherOrgLeader: 'ok' } },
  {
    action: 'records.home',
    input: async () => ({}),
    expected: { unitStaff: 'ok', unitHead: 'ok', otherUnitStaff: 'ok', orgLeader: 'ok', pendingLeader: 'ok', otherOrgLeader: 'ok', streetOffice: 'ok', otherStreetOffice: 'ok', districtOffice: 'ok', stranger: 'ok' }, // a stranger reads person: null and no work (homeOneCall.test.ts)
  },
];

describe.each(cases)('$action', ({ action, input, expected }) => {
  it.each(Object.keys(actors) as Actor[])('as %s', async (actor) => {
    const prepared = await input();
    const records = await t.count('records');
    const snapshot = 'recordId' in (prepared as object) ? await t.call(actors.districtOffice, 'records.get', { recordId: (prepared as { recordId: string }).recordId }) : null;
    const result = await t.call(actors[actor], action, prepared as never);
    const outcome = result.ok ? 'ok' : result.error.code;
    expect(outcome).toBe(expected[actor]);
    if (!result.ok) {
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await t.count('records')).toBe(records);
      if (snapshot?.ok) {
        const after = await t.call(actors.districtOffice, 'records.get', { recordId: snapshot.data.record.id });
        expect(after.ok && after.data.record).toEqual(snapshot.data.record);
      }
    }
  });
});

describe('what each person sees in the record book', () => {
  it('shows pairing 1’s records to its unit, leader and offices and to nobody else', async () => {
    await submitted();
    const sees = async (actor: Actor) => {
      const result = await t.call(actors[actor], 'records.list', { pairingId, limit: 50 });
      return result.ok ? result.data.items.length > 0 : result.error.code;
    };
    expect(await sees('unitStaff')).toBe(true);
    expect(await sees('orgLeader')).toBe(true);
    expect(await sees('streetOffice')).toBe(true);
    expect(await sees('districtOffice')).toBe(true);
    expect(await sees('otherUnitStaff')).toBe(false);
    expect(await sees('pendingLeader')).toBe(false);
    expect(await sees('otherOrgLeader')).toBe(false);
    expect(await sees('otherStreetOffice')).toBe(false);
    expect(await sees('stranger')).toBe('UNAUTHENTICATED');
  });

  it('never shows a leader the unit’s drafts', async () => {
    const id = await draft();
    const result = await t.call(actors.orgLeader, 'records.list', { pairingId, state: 'draft', limit: 50 });
    expect(result.ok && result.data.items.map((item) => item.id)).not.toContain(id);
  });

  it('never lets a leader read or decide on the unit’s draft by its id, and writes nothing', async () => {
    const id = await draft();
    const records = await t.count('records');
    const before = await t.call(actors.districtOffice, 'records.get', { recordId: id });
    expect(before.ok && before.data.record.state).toBe('draft');
    for (const actor of ['orgLeader', 'pendingLeader'] as const) {
      const result = await t.call(actors[actor], 'records.get', { recordId: id });
      expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    }
    expect(await t.call(actors.orgLeader, 'records.confirm', { recordId: id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(actors.unitStaff, 'records.get', { recordId: id })).toMatchObject({ ok: true, data: { record: { id, state: 'draft' }, canConfirm: false } });
    expect(await t.count('records')).toBe(records);
    const after = await t.call(actors.districtOffice, 'records.get', { recordId: id });
    expect(after.ok && after.data.record).toEqual(before.ok && before.data.record);
  });
});
