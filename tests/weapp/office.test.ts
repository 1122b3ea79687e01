import { readFileSync } from 'node:fs';
import path from 'node:path';
import { yearOf } from '../../src/domain/time/periods';
import { dataOf } from '../support/testCloud';
import type { Checkpoint } from './support/expectations';
import { checkpoint, expectWeChatHealthy } from './support/expectations';
import type { Phone } from './support/phone';
import { paperRecordOpens } from './support/paperRecord';
import { weappRoot, World } from './support/phone';

jest.setTimeout(60_000);

/**
 * Every page of the offices' subpackage (pages-office), reached the way 周涛 (区委党群共建办) reaches it
 * — from 共建办工作台 and the links on each page — with the demo district's data. A unit's submitted
 * work plan and a suggestion are added through the functions first, so the review pages have
 * something to show.
 */
let world: World;
let zhouTao: Phone;
let step: Checkpoint;

const officePages = (() => {
  const app = JSON.parse(readFileSync(path.join(weappRoot, 'app.json'), 'utf8')) as { subPackages: Array<{ root: string; pages: string[] }> };
  const sub = app.subPackages.find((candidate) => candidate.root === 'pages-office');
  return (sub?.pages ?? []).map((page) => `pages-office/${page}`);
})();

beforeAll(async () => {
  world = await World.open();
  const year = yearOf(new Date()).year;
  const unitId = world.district.pairings[0]!.unitId;
  dataOf(await world.call('demo-liming', 'plans.save', { subjectType: 'unit', subjectId: unitId, year, text: '全年到访 12 次，每季度一次联合活动，年底召开总结会议。', attachments: [] }));
  dataOf(await world.call('demo-liming', 'plans.submit', { subjectType: 'unit', subjectId: unitId, year }));
  dataOf(await world.call('demo-liming', 'feedback.send', { category: 'suggestion', content: '希望增加按街道筛选的功能。', anonymous: false }));
  zhouTao = world.phone('demo-zhoutao');
  await zhouTao.launch('pages/home/index');
  await zhouTao.tap('go-office');
  await zhouTao.waitFor('go-points-table');
});
beforeEach(async () => {
  // Each step starts at 共建办工作台, whatever the previous one left open.
  await zhouTao.backTo('pages-office/index/index');
  step = checkpoint(zhouTao);
});
afterAll(async () => {
  zhouTao?.saveFigures('office-demo-zhoutao');
  await world?.close();
});

const rendered = () => new Set(zhouTao.program.renders.map((render) => render.route));

async function opens(id: string, route: string, landmark: string): Promise<void> {
  await zhouTao.tap(id);
  await zhouTao.waitForRoute(route);
  await zhouTao.waitFor(landmark);
  await zhouTao.settle();
}

describe('周涛 opens every office page with the demo data', () => {
  it('积分表 → a unit’s points → its record book; 数据看板; 积分规则', async () => {
    await opens('go-points-table', 'pages-office/points/index', 'units');
    expect(zhouTao.ids('unit-unit-')).toHaveLength(world.district.units.length);
    await opens(`unit-${world.district.units[0]!._id}`, 'pages-office/points/unit/index', 'print-book');
    await opens('print-book', 'pages-office/points/record-book/index', 'record-book');
    await zhouTao.backTo('pages-office/points/index');
    await opens('go-dashboard', 'pages-office/points/dashboard/index', 'months');
    await zhouTao.backTo('pages-office/points/index');
    await opens('go-rules', 'pages-office/points/rules/index', 'versions');
    await zhouTao.backTo('pages-office/index/index');
    expectWeChatHealthy(step);
  });

  it('季度督办通报: generates last quarter’s draft and opens it', async () => {
    await opens('go-bulletins', 'pages-office/bulletins/index', 'generate-bulletin');
    await zhouTao.tap('generate-bulletin');
    await zhouTao.waitForRoute('pages-office/bulletins/edit/index');
    await zhouTao.waitFor('summary');
    await zhouTao.settle();
    await zhouTao.backTo('pages-office/index/index');
    expectWeChatHealthy(step);
  });

  it('年度考核与表彰', async () => {
    await opens('go-assessment', 'pages-office/assessment/index', 'unit-totals');
    await zhouTao.backTo('pages-office/index/index');
    expectWeChatHealthy(step);
  });

  it('评议管理 → the open round’s progress → one pairing’s results', async () => {
    await opens('go-surveys', 'pages-office/surveys/index', 'rounds');
    const [round] = zhouTao.ids('round-');
    await opens(round!, 'pages-office/surveys/round/index', `pairing-${world.district.pairings[0]!._id}`);
    await opens(`pairing-${world.district.pairings[0]!._id}`, 'pages-office/surveys/results/index', 'results-links');
    await zhouTao.backTo('pages-office/index/index');
    expectWeChatHealthy(step);
  });

  it('导入结对表; 单位、组织与结对 → a unit, an org', async () => {
    await opens('go-import', 'pages-office/import/index', 'choose-file');
    await zhouTao.backTo('pages-office/index/index');
    await opens('go-directory', 'pages-office/directory/index', `unit-${world.district.units[0]!._id}`);
    await opens(`unit-${world.district.units[0]!._id}`, 'pages-office/unit/index', 'unit-audit');
    await zhouTao.backTo('pages-office/directory/index');
    await zhouTao.tap('directory-kind-orgs');
    await opens(`org-${world.district.orgs[0]!._id}`, 'pages-office/org/index', 'org-audit');
    await zhouTao.backTo('pages-office/index/index');
    expectWeChatHealthy(step);
  });

  it('工作方案 → the plan 李明 submitted; 投诉建议; 审计记录', async () => {
    await opens('go-plans', 'pages-office/plans/index', `slot-${world.district.pairings[0]!.unitId}`);
    await opens(`slot-${world.district.pairings[0]!.unitId}`, 'pages-office/plan-review/index', 'plan-text');
    await zhouTao.backTo('pages-office/index/index');
    await opens('go-feedback', 'pages-office/feedback/index', 'feedback-state-pending');
    expect(zhouTao.screenText()).toContain('希望增加按街道筛选的功能。');
    await zhouTao.backTo('pages-office/index/index');
    await opens('go-audit', 'pages-office/audit/index', 'audit-items');
    await zhouTao.backTo('pages-office/index/index');
    await paperRecordOpens(zhouTao, opens);
    await zhouTao.backTo('pages-office/index/index');
    await opens('go-checks', 'pages-office/checks/index', 'checks-summary');
    await zhouTao.backTo('pages-office/index/index');
    expectWeChatHealthy(step);
  });

  it('has opened every page of the pages-office subpackage', async () => {
    expect(officePages.length).toBeGreaterThan(0);
    expect(officePages.filter((route) => !rendered().has(route))).toEqual([]);
  });
});
