import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LIST_PAGE_SIZE } from '../../src/contract/fields';
import { dataOf } from '../support/testCloud';
import { SCALE_OFFICE, SCALE_PAIRINGS, SCALE_STAFF } from './support/district1000';
import { describeProblems, limitViolations } from './support/limits';
import type { RenderRecord } from './support/miniProgram';
import type { Phone } from './support/phone';
import { paperRecordOpens } from './support/paperRecord';
import { weappRoot, World } from './support/phone';

jest.setTimeout(120_000);

/**
 * The office pages with 1,000 pairings (support/district1000.ts), as a district office opens them.
 * Every page must load and show the district without an error, and stay within WeChat's limits. Five
 * lists once sent everything in one setData (issue 11 measured 0.59–0.66 MB and more than 10,000 nodes
 * for the points table, the assessment and a survey round's progress; the plans list and a bulletin
 * draft were as bad): the first four now answer a page of 50 rows from their cloud function, the
 * bulletin draft (one document) shows its long lists a page at a time on the phone. Each has its own
 * check below.
 */
let world: World;
let office: Phone;
/** The timing of the one plan submitted (按时提交, or 逾期提交 after the deadline). */
let submittedTiming: string;

/** Pages with one long list, checked one by one below. */
const longLists = ['pages-office/points/index', 'pages-office/assessment/index', 'pages-office/surveys/round/index', 'pages-office/plans/index', 'pages-office/bulletins/edit/index'];

const officePages = (() => {
  const app = JSON.parse(readFileSync(path.join(weappRoot, 'app.json'), 'utf8')) as { subPackages: Array<{ root: string; pages: string[] }> };
  return (app.subPackages.find((sub) => sub.root === 'pages-office')?.pages ?? []).map((page) => `pages-office/${page}`);
})();

beforeAll(async () => {
  world = await World.open('thousand');
  const { year, unitIds } = world.thousand;
  dataOf(await world.call(SCALE_STAFF, 'plans.save', { subjectType: 'unit', subjectId: unitIds[0]!, year, text: '全年到访 12 次，每季度一次联合活动。', attachments: [] }));
  submittedTiming = dataOf(await world.call(SCALE_STAFF, 'plans.submit', { subjectType: 'unit', subjectId: unitIds[0]!, year })).plan.timing;
  office = world.phone(SCALE_OFFICE);
  await office.launch('pages/home/index');
  await office.tap('go-office');
  await office.waitFor('go-points-table');
});
beforeEach(async () => {
  await office.backTo('pages-office/index/index');
});
afterAll(async () => {
  office?.saveFigures('office-at-1000-pairings');
  await world?.close();
});

/** What the latest instance of a page rendered. */
function rendersOf(route: string): RenderRecord[] {
  const renders = office.program.renders.filter((render) => render.route === route);
  const last = renders[renders.length - 1];
  return last ? renders.filter((render) => render.pageId === last.pageId) : [];
}

async function opens(id: string, route: string, landmark: string): Promise<void> {
  await office.tap(id);
  await office.waitForRoute(route);
  await office.until(() => office.has(landmark), `#${landmark} on ${route}`, 90_000);
  await office.settle();
}

function expectNoErrors(): void {
  expect({ problems: describeProblems(office.program.problems), refusals: office.refusals.map((refusal) => refusal.errMsg) }).toEqual({ problems: [], refusals: [] });
}

describe(`an office opens every office page with ${SCALE_PAIRINGS} pairings`, () => {
  it('积分表 lists the units a page at a time, counting all of them; a unit’s points, its record book, 数据看板 and 积分规则 open from it', async () => {
    const { unitIds } = world.thousand;
    await opens('go-points-table', 'pages-office/points/index', 'units');
    expect(office.ids('unit-scale-unit-')).toEqual(unitIds.slice(0, LIST_PAGE_SIZE).map((id) => `unit-${id}`));
    expect(office.screenText()).toContain(`单位（${SCALE_PAIRINGS}）`);
    expect(office.text('units-pager-range')).toBe(`第 1/${SCALE_PAIRINGS / LIST_PAGE_SIZE} 页：第 1–${LIST_PAGE_SIZE} 个单位，共 ${SCALE_PAIRINGS} 个单位`);
    await office.tap('units-pager-next');
    await office.until(() => office.has(`unit-${unitIds[LIST_PAGE_SIZE]}`), 'the second page of units', 90_000);
    await office.settle();
    expect(office.ids('unit-scale-unit-')).toEqual(unitIds.slice(LIST_PAGE_SIZE, 2 * LIST_PAGE_SIZE).map((id) => `unit-${id}`));
    await office.tap('units-pager-prev');
    await office.until(() => office.has(`unit-${unitIds[0]}`), 'the first page of units again', 90_000);
    await office.settle();
    await opens(`unit-${world.thousand.unitIds[0]}`, 'pages-office/points/unit/index', 'print-book');
    await opens('print-book', 'pages-office/points/record-book/index', 'record-book');
    await office.backTo('pages-office/points/index');
    await opens('go-dashboard', 'pages-office/points/dashboard/index', 'months');
    await office.backTo('pages-office/points/index');
    await opens('go-rules', 'pages-office/points/rules/index', 'versions');
    expectNoErrors();
  });

  it('年度考核 lists the units a page at a time, counting all of them, and every street', async () => {
    const { unitIds } = world.thousand;
    await opens('go-assessment', 'pages-office/assessment/index', 'unit-totals');
    expect(office.ids('assessed-')).toEqual(unitIds.slice(0, LIST_PAGE_SIZE).map((id) => `assessed-${id}`));
    expect(office.screenText()).toContain(`各单位积分（${SCALE_PAIRINGS}）`);
    expect(office.ids('street-scale-street-')).toHaveLength(10);
    await office.tap('unit-totals-pager-next');
    await office.until(() => office.has(`assessed-${unitIds[LIST_PAGE_SIZE]}`), 'the second page of units', 90_000);
    await office.settle();
    expect(office.ids('assessed-')).toHaveLength(LIST_PAGE_SIZE);
    expectNoErrors();
  });

  it('评议管理: the open round’s progress lists the pairings a page at a time, counting all; one pairing’s results open from it', async () => {
    const { roundId, pairingIds } = world.thousand;
    await opens('go-surveys', 'pages-office/surveys/index', `round-${roundId}`);
    await opens(`round-${roundId}`, 'pages-office/surveys/round/index', `pairing-${pairingIds[0]}`);
    expect(office.ids('pairing-scale-pairing-')).toHaveLength(LIST_PAGE_SIZE);
    expect(office.text('round-totals')).toBe(`${SCALE_PAIRINGS} 个结对，共收到 0 份答卷`);
    const first = office.ids('pairing-scale-pairing-');
    await office.tap('round-pairings-pager-next');
    await office.until(() => !office.has(first[0]!), 'the second page of pairings', 90_000);
    await office.settle();
    expect(office.ids('pairing-scale-pairing-')).toHaveLength(LIST_PAGE_SIZE);
    expect(office.ids('pairing-scale-pairing-').filter((id) => first.includes(id))).toEqual([]);
    await office.tap('round-pairings-pager-prev');
    await office.until(() => office.has(`pairing-${pairingIds[0]}`), 'the first page of pairings again', 90_000);
    await office.settle();
    await opens(`pairing-${pairingIds[0]}`, 'pages-office/surveys/results/index', 'results-links');
    expectNoErrors();
  });

  it('工作方案 lists the units’ plans a page at a time, those overdue first, counting all; the one submitted opens for review', async () => {
    const unitId = world.thousand.unitIds[0]!;
    await opens('go-plans', 'pages-office/plans/index', 'plan-slots');
    expect(office.ids('slot-scale-unit-')).toHaveLength(LIST_PAGE_SIZE);
    expect(office.screenText()).toContain(`各单位（${SCALE_PAIRINGS}）`);
    expect(office.has(`slot-${unitId}`)).toBe(false);
    // The one plan submitted comes after the 999 overdue ones, or alone under its timing (按时提交 or 逾期提交).
    await office.tap(`plan-timing-${submittedTiming}`);
    await office.until(() => office.has(`slot-${unitId}`), 'the plans of the submitted one’s timing', 90_000);
    await office.settle();
    expect(office.ids('slot-scale-unit-')).toEqual([`slot-${unitId}`]);
    await opens(`slot-${unitId}`, 'pages-office/plan-review/index', 'plan-text');
    expectNoErrors();
  });

  it('季度督办通报: a draft generated for the whole district opens', async () => {
    await opens('go-bulletins', 'pages-office/bulletins/index', 'generate-bulletin');
    await office.tap('generate-bulletin');
    await office.waitForRoute('pages-office/bulletins/edit/index');
    await office.until(() => office.has('summary'), 'the bulletin draft', 90_000);
    await office.settle();
    expect(office.screenText()).toContain(`各单位完成情况（${SCALE_PAIRINGS}）`);
    expect(office.ids('compliance-scale-unit-')).toHaveLength(LIST_PAGE_SIZE);
    expect(office.ids('behind-scale-unit-')).toHaveLength(LIST_PAGE_SIZE);
    expect(office.text('behind-more')).toBe(`……另有 ${SCALE_PAIRINGS - 20} 个单位（共 ${SCALE_PAIRINGS} 个）`);
    await office.tap('compliance-pager-next');
    await office.settle();
    expect(office.ids('compliance-scale-unit-')).toHaveLength(LIST_PAGE_SIZE);
    expectNoErrors();
  });

  it('导入结对表, 单位与组织 (a unit, an org), 投诉建议, 审计记录', async () => {
    const { unitIds, orgIds } = world.thousand;
    await opens('go-import', 'pages-office/import/index', 'choose-file');
    await office.backTo('pages-office/index/index');
    await opens('go-directory', 'pages-office/directory/index', `unit-${unitIds[0]}`);
    await opens(`unit-${unitIds[0]}`, 'pages-office/unit/index', 'unit-audit');
    await office.backTo('pages-office/directory/index');
    await office.tap('directory-kind-orgs');
    await opens(`org-${orgIds[0]}`, 'pages-office/org/index', 'org-audit');
    await office.backTo('pages-office/index/index');
    await opens('go-feedback', 'pages-office/feedback/index', 'feedback-state-pending');
    await office.backTo('pages-office/index/index');
    await opens('go-audit', 'pages-office/audit/index', 'audit-items');
    await office.backTo('pages-office/index/index');
    await paperRecordOpens(office, opens);
    await office.backTo('pages-office/index/index');
    await opens('go-checks', 'pages-office/checks/index', 'checks-summary');
    expectNoErrors();
  });

  it('has opened every page of the pages-office subpackage', () => {
    const opened = new Set(office.program.renders.map((render) => render.route));
    expect(officePages.filter((route) => !opened.has(route))).toEqual([]);
  });
});

describe(`at ${SCALE_PAIRINGS} pairings, the office pages stay within WeChat's limits (≤ 256 KB and ≤ 20 setData a second, < 1,000 nodes)`, () => {
  it('every office page but the five long lists below', () => {
    const others = office.program.renders.filter((render) => !longLists.includes(render.route));
    expect(new Set(others.map((render) => render.route)).size).toBeGreaterThanOrEqual(officePages.length - longLists.length);
    expect(limitViolations(others)).toEqual([]);
  });

  // Issue 11 measured 0.59–0.66 MB in one setData with more than 10,000 nodes (this tier saw 667,857 B, 5,056 elements);
  // points.table now answers a page of 50 units.
  it('积分表 (points table): a page of units at a time', () => {
    expect(limitViolations(rendersOf('pages-office/points/index'))).toEqual([]);
  });

  // Issue 11 measured 0.59–0.66 MB (this tier saw 602,883 B, 5,304 elements); points.assessment now answers a page of 50 units.
  it('年度考核 (assessment): a page of units at a time', () => {
    expect(limitViolations(rendersOf('pages-office/assessment/index'))).toEqual([]);
  });

  // Issue 11 measured 0.59–0.66 MB (this tier saw 680,571 B, 3,021 elements); surveys.round now answers a page of 50 pairings.
  it('评议轮次进度 (a survey round’s progress): a page of pairings at a time', () => {
    expect(limitViolations(rendersOf('pages-office/surveys/round/index'))).toEqual([]);
  });

  // Not in issue 11's list: this tier saw 407,777 B, 4,023 elements for the 1,000 plan slots; plans.list now answers a page of 50.
  it('工作方案 (the offices’ plans list): a page of slots at a time', () => {
    expect(limitViolations(rendersOf('pages-office/plans/index'))).toEqual([]);
  });

  // Not in issue 11's list: with no visits recorded every unit is listed as 需整改 (this tier saw 1,077,233 B, 4,052 elements);
  // the editor's chips and the compliance rows now show 50 at a time, the preview names 20 per list and counts the rest.
  it('通报草稿 (a generated bulletin draft): its long lists a page at a time', () => {
    expect(limitViolations(rendersOf('pages-office/bulletins/edit/index'))).toEqual([]);
  });
});
