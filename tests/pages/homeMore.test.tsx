import { moreLinks } from '../../src/pages/home/MoreSection';

const grant = (role: string, scopeId: string, approved = true) => ({ role, scopeType: 'unit', scopeId, scopeName: scopeId, approved }) as never;

describe('the home page’s 更多 links', () => {
  it('give a unit head points, self-assessment, bulletins, evaluation results and the work plan', () => {
    expect(moreLinks([grant('unitHead', 'unit-001')]).map((link) => link.text)).toEqual(['季度联合活动', '我的积分与年度节奏', '年度自评', '督办通报', '评议结果', '结对共建工作方案']);
  });

  it('give an approved org leader the results, the survey links and their org, and nothing before approval', () => {
    expect(moreLinks([grant('orgLeader', 'org-001')]).map((link) => link.url)).toEqual(['/pages-more/activities/index', '/pages-more/survey-results/index', '/pages/survey/links/index', '/pages-office/org/index?id=org-001']);
    expect(moreLinks([grant('orgLeader', 'org-001', false)])).toEqual([]);
  });

  it('give a street office the work plan only (the rest is in the office subpackage)', () => {
    expect(moreLinks([grant('streetOffice', 'street-longcheng')]).map((link) => link.id)).toEqual(['go-plan']);
  });
});
