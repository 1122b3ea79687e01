import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ActionName } from '../../src/contract/actions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { onceOnlyKey } from '../../server/actions/surveys/ballotKeys';
import { surveyActions } from '../../server/actions/surveys';
import { Collection } from '../../server/db/collection';
import { moveTo, restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { allAnswers, answerInput, entryOf, SEEDED_ROUND } from './surveysFixture';

let t: TestCloud;
let pairingId: string;

function dateFieldsOf(value: unknown, path = ''): string[] {
  if (value instanceof Date) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => dateFieldsOf(item, `${path}.${index}`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => dateFieldsOf(inner, path === '' ? key : `${path}.${key}`));
  return [];
}
const respondents = ['resp-alpha', 'resp-bravo', 'resp-charlie', 'resp-delta', 'resp-echo'];
let codes: string[] = [];
/** Every successful or failed answer of every action, to scan for identities. */
const seen: Array<{ action: string; result: unknown }> = [];

async function call<K extends ActionName>(openid: string | undefined, action: K, input: Parameters<TestCloud['call']>[2] & object) {
  const result = await t.call(openid, action, input as never);
  seen.push({ action, result });
  return result;
}

beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 20, 10));
  t = await openTestCloud();
  // 区发展和改革局 ↔ 深圳华星光电: the seed gave its party and mass organisations two answers.
  pairingId = t.district.pairings[0]!._id;
  const employees = await entryOf(t, SEEDED_ROUND, pairingId, 'employees', 'demo-wangfang');
  const owner = await entryOf(t, SEEDED_ROUND, pairingId, 'owner', 'demo-wangfang');
  const issued = await call('demo-wangfang', 'surveys.ballotCodes', { roundId: SEEDED_ROUND, pairingId, group: 'owner', add: 1 });
  if (!issued.ok) throw new Error(issued.error.message);
  codes = [...issued.data.codes];
  // employees: 3 answers (one of them mixed), owner: 1 answer with a ballot code
  await call('resp-alpha', 'surveys.answer', answerInput(employees, { comment: '建议多组织联合活动' }));
  await call('resp-bravo', 'surveys.answer', answerInput(employees, { answers: { ...allAnswers('basic'), workStyle: 'dissatisfied' } }));
  await call('resp-charlie', 'surveys.answer', answerInput(employees));
  await call(undefined, 'surveys.answer', answerInput(owner, { ballotCode: codes[0]!, comment: '企业主：感谢帮助' }));
  await call('resp-charlie', 'surveys.answer', answerInput(owner, { ballotCode: codes[0]! }));
});
afterAll(() => {
  t.close();
  restoreClock();
});

describe('results while the round is open', () => {
  it('show counts per group only, to the unit and the offices', async () => {
    const result = await call('demo-liming', 'surveys.results', { roundId: SEEDED_ROUND, pairingId });
    expect(result).toMatchObject({ ok: true, data: { total: 6, points: null, comments: null } });
    expect(result.ok && result.data.groups.map((group) => [group.group, group.responses, group.shown, group.hiddenReason])).toEqual([
      ['partyMass', 2, false, 'roundOpen'],
      ['employees', 3, false, 'roundOpen'],
      ['owner', 1, false, 'roundOpen'],
    ]);
    const mine = await call('demo-liming', 'surveys.mine', {});
    expect(mine).toMatchObject({ ok: true, data: { asUnit: [{ round: { id: SEEDED_ROUND, phase: 'open' }, pairingId, responses: { partyMass: 2, employees: 3, owner: 1 }, total: 6, points: null }], asLeader: [] } });
  });

  it('are refused to the org’s leader (counts only, on the links page) and to anyone outside the pairing', async () => {
    expect(await call('demo-wangfang', 'surveys.results', { roundId: SEEDED_ROUND, pairingId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '评议结果只向被评议单位和党群共建办公开；组织负责人可以查看答卷份数' } });
    expect(await call('demo-chenjing', 'surveys.results', { roundId: SEEDED_ROUND, pairingId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('resp-alpha', 'surveys.results', { roundId: SEEDED_ROUND, pairingId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('demo-liming', 'surveys.results', { roundId: SEEDED_ROUND, pairingId: 'pairing-none' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'pairingId' } });
    const leader = await call('demo-wangfang', 'surveys.mine', {});
    expect(leader).toMatchObject({ ok: true, data: { asUnit: [], asLeader: [{ pairingId, total: 6, points: null }] } });
    const links = await call('demo-wangfang', 'surveys.links', { roundId: SEEDED_ROUND, pairingId });
    expect(links.ok && links.data.groups.map((group) => [group.group, group.responses, group.codesRequired])).toEqual([
      ['partyMass', 2, false],
      ['employees', 3, false],
      ['owner', 1, true],
    ]);
    expect(links.ok && links.data.groups[0]!.path).toMatch(/^pages\/survey\/index\?e=[\w-]{22}$/);
     // A group's code is an image file behind a temporary link, never bytes inside the links answer.
    expect(JSON.stringify(links).length).toBeLessThan(4_000);
    const code = await call('demo-wangfang', 'surveys.qrCode', { roundId: SEEDED_ROUND, pairingId, group: 'employees' });
    if (!code.ok) throw new Error(code.error.message);
    const url = new URL(code.data.url);
    const relative = url.pathname.slice('/__local/files/'.length).split('/').map(decodeURIComponent).join('/');
    const file = t.cloud.storage.resolveSigned(relative, Number(url.searchParams.get('e')), url.searchParams.get('s') ?? '');
    expect(readFileSync(file!).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await call('demo-chenjing', 'surveys.qrCode', { roundId: SEEDED_ROUND, pairingId, group: 'employees' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('demo-wangfang', 'surveys.qrCode', { roundId: SEEDED_ROUND, pairingId, group: 'nobody' as 'owner' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('results once the round has closed', () => {
  beforeAll(async () => {
    const closed = await call('demo-zhoutao', 'surveys.close', { roundId: SEEDED_ROUND });
    if (!closed.ok) throw new Error(closed.error.message);
  });

  it('show a group from three answers with a chart per item, hide two and never show the owner alone', async () => {
    const result = await call('demo-liming', 'surveys.results', { roundId: SEEDED_ROUND, pairingId });
    if (!result.ok) throw new Error(result.error.message);
    const [partyMass, employees, owner] = result.data.groups;
    expect(partyMass).toEqual({ group: 'partyMass', responses: 2, weight: 40, shown: false, hiddenReason: 'belowThreshold' });
    expect(owner).toEqual({ group: 'owner', responses: 1, weight: 20, shown: false, hiddenReason: 'neverAlone' });
    expect(employees).toMatchObject({ group: 'employees', responses: 3, shown: true });
    expect(employees!.items![0]).toEqual({ id: 'visits', title: '到访指导', counts: { satisfied: 2, basic: 1, dissatisfied: 0 }, score: 87 });
    expect(employees!.items![5]).toEqual({ id: 'workStyle', title: '工作作风', counts: { satisfied: 2, basic: 0, dissatisfied: 1 }, score: 67 });
  });

  it('turn into points with the documented formula (hand-computed)', async () => {
    // partyMass (seed): 12 values: 8 × 1 + 4 × 0.6 = 10.4 → 0.8666…
    // employees: 2 people all 满意 (12 × 1) + 1 person 5 × 0.6 + 1 × 0 = 15 → 15/18 = 0.8333…
    // owner: 6 × 1 → 1
    // points = 10 × (40×0.8666… + 40×0.8333… + 20×1) / 100 = 10 × 0.88 = 8.8
    const result = await call('demo-liming', 'surveys.results', { roundId: SEEDED_ROUND, pairingId });
    expect(result).toMatchObject({ ok: true, data: { points: { value: 8.8, maxPoints: 10, weights: { partyMass: 40, employees: 40, owner: 20 } } } });
    const mine = await call('demo-zhaojun', 'surveys.mine', {});
    expect(mine).toMatchObject({ ok: true, data: { asUnit: [{ pairingId, points: 8.8, round: { phase: 'closed' } }] } });
    const detail = await call('demo-zhoutao', 'surveys.round', { roundId: SEEDED_ROUND });
    expect(detail.ok && detail.data.pairings.find((pairing) => pairing.pairingId === pairingId)).toMatchObject({ total: 6, points: 8.8 });
  });

  it('show comments without group, identity or time, in text order', async () => {
    const result = await call('demo-liming', 'surveys.results', { roundId: SEEDED_ROUND, pairingId });
    expect(result.ok && result.data.comments).toEqual(['企业主：感谢帮助', '希望联合活动多安排在周末，方便一线员工参加。', '建议多组织联合活动']);
  });

  it('export the round as .xlsx in cloud storage, holding no more than the pages show', async () => {
    const exported = await call('demo-zhoutao', 'surveys.export', { roundId: SEEDED_ROUND });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.data.fileName).toBe('2026年年中评议结果（全区，2026-06-20）.xlsx');
    const url = new URL(exported.data.url);
    expect(url.pathname).toMatch(/^\/__local\/files\/exports\/surveys\//);
    const relative = url.pathname.slice('/__local/files/'.length).split('/').map(decodeURIComponent).join('/');
    const file = t.cloud.storage.resolveSigned(relative, Number(url.searchParams.get('e')), url.searchParams.get('s') ?? '');
    expect(file).toBeDefined();
    const content = readFileSync(file!);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '分项结果', '意见建议', '说明']);
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(31);
    const row = summary.getRows(2, 30)!.find((candidate) => candidate.getCell(1).value === '区发展和改革局')!;
    expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value, row.getCell(7).value]).toEqual([2, 3, 1, 6, 8.8]);
    const items = workbook.getWorksheet('分项结果')!;
    const groupsShown = new Set(items.getRows(2, items.rowCount - 1)!.map((line) => line.getCell(2).value));
    expect(groupsShown).toEqual(new Set(['员工代表']));
    const text = JSON.stringify(workbook.worksheets.map((sheet) => sheet.getSheetValues()));
    for (const secret of [...respondents, ...codes, 'person-', 'demo-']) expect(text).not.toContain(secret);
    expect(await call('demo-sunli', 'surveys.export', { roundId: SEEDED_ROUND })).toMatchObject({ ok: true });
    expect(await call('demo-liming', 'surveys.export', { roundId: SEEDED_ROUND })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuse late answers, late ballot codes and closing twice changes nothing', async () => {
    const employees = await entryOf(t, SEEDED_ROUND, pairingId, 'employees');
    expect(await call('resp-delta', 'surveys.answer', answerInput(employees))).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });
    expect(await call('demo-wangfang', 'surveys.ballotCodes', { roundId: SEEDED_ROUND, pairingId, group: 'employees', add: 3 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '评议已结束，不能再发放评议码' } });
    expect(await call('demo-zhoutao', 'surveys.close', { roundId: SEEDED_ROUND })).toMatchObject({ ok: true, data: { round: { phase: 'closed' } } });
  });
});

describe('anonymity that holds', () => {
  it('no action returns a respondent’s identity with an answer', async () => {
    // Every survey action is in the scan (the beforeAll calls and the tests above cover the others).
    await call(undefined, 'surveys.entry', { entry: await entryOf(t, SEEDED_ROUND, pairingId, 'owner') });
    await call('demo-zhoutao', 'surveys.list', {});
    const draft = await call('demo-zhoutao', 'surveys.create', { period: 'yearEnd', year: 2026, endDate: '2026-07-31' });
    const roundId = draft.ok ? draft.data.round.id : '';
    await call('demo-zhoutao', 'surveys.updateDraft', { roundId, formVersion: 1, weights: { partyMass: 30, employees: 50, owner: 20 } });
    await call('demo-zhoutao', 'surveys.open', { roundId, formVersion: 1 });
    const called = new Set(seen.map((entry) => entry.action));
    expect([...called].sort()).toEqual(surveyActions.map((action) => action.name).sort());

    const keys = respondents.flatMap((openid) => [onceOnlyKey(`${SEEDED_ROUND}|${pairingId}|wx|${openid}`)]);
    const identities = [...respondents, ...keys, 'person-wangfang'];
    const codeForms = [...codes, ...codes.map((code) => code.replace('-', ''))];
    for (const { action, result } of seen) {
      const text = JSON.stringify(result);
      // The party leader's roster lists the codes they hand out — and nothing about their use.
      const secrets = action === 'surveys.ballotCodes' ? identities : [...identities, ...codeForms];
      for (const secret of secrets) {
        if (text.includes(secret)) throw new Error(`${action} returned ${secret}`);
      }
      if (action === 'surveys.ballotCodes' && (result as { ok: boolean }).ok) expect(Object.keys((result as { data: object }).data).sort()).toEqual(['codes', 'group', 'path']);
    }
  });

  it('keeps the once-only keys apart from the answers: no shared field, no time, no per-answer record', async () => {
    const db = wxServerSdk().database();
    const ballots = await new Collection<{ _id: string }>(db, 'surveyBallots').findEvery<Record<string, unknown>>({ roundId: SEEDED_ROUND, pairingId });
    // 2 seeded + 3 employees + the owner's code + resp-charlie's WeChat identity used with… nothing: refused, given back
    expect(ballots).toHaveLength(6);
    for (const ballot of ballots) {
      expect(Object.keys(ballot).sort()).toEqual(['_id', 'pairingId', 'roundId']);
      expect(ballot._id).toMatch(/^[\w-]{43}$/);
    }
    expect(ballots.map((ballot) => ballot._id)).toContain(onceOnlyKey(`${SEEDED_ROUND}|${pairingId}|wx|resp-alpha`));
    const entries = await new Collection<{ _id: string }>(db, 'surveyEntries').findEvery<Record<string, unknown>>({ roundId: SEEDED_ROUND, pairingId });
    const stored = JSON.stringify(entries);
    for (const ballot of ballots) expect(stored).not.toContain(String(ballot._id));
    for (const openid of respondents) expect(stored).not.toContain(openid);
    // The only instants in an entry are the round's end and nothing per answer.
    expect(new Set(entries.flatMap((entry) => dateFieldsOf(entry)))).toEqual(new Set(['endsAt']));
    // Three tallies for this pairing, not one document per answer.
    expect(entries).toHaveLength(3);
    moveTo(chinaInstant(2026, 6, 20, 10));
  });
});
