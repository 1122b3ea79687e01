import { fireEvent, render, screen } from '@testing-library/react';
import type { AssessmentView } from '../../src/contract/points';
import AssessmentPage from '../../src/pages-office/assessment/index';
import OfficeBulletinsPage from '../../src/pages-office/bulletins/index';
import UnitBulletinsPage from '../../src/pages-more/points/bulletins/index';
import SelfAssessmentPage from '../../src/pages-more/points/self-assessment/index';
import { mockActions, ok, person } from './helpers';
import { aBulletin, aSelfAssessment } from './pointsBuilders';

/** 02:15 on 2 December in China is still 1 December in UTC: cutting the ISO text shows the wrong day. */
const earlyOn2December = '2026-12-01T18:15:00.000Z';

const district = person('周涛', [{ role: 'districtOffice', scopeType: 'district', scopeName: '龙岗区', scopeId: 'district', approved: true }]);
const published = aBulletin({ id: 'district-2026-q4', quarter: 4, state: 'published', publishedAt: earlyOn2December, canEdit: false, canPublish: false, myUnitIds: ['unit-001'], generated: undefined, edit: undefined });
const listItem = { id: published.id, scopeName: '龙岗区', year: 2026, quarter: 4, title: published.title, state: 'published', publishedAt: earlyOn2December, updatedAt: earlyOn2December };

describe('dates people see are China dates, not UTC', () => {
  it('a bulletin published at 02:15 China time on 12-02 shows 2026-12-02 in the unit’s list and when opened', async () => {
    mockActions({ 'bulletins.list': () => ok({ items: [listItem] }), 'bulletins.get': () => ok({ bulletin: published }) });
    render(<UnitBulletinsPage />);
    expect(await screen.findByText('龙岗区 · 2026-12-02')).toBeTruthy();
    fireEvent.click(screen.getByText(published.title, { selector: '.link-row__text' }));
    expect(await screen.findByText(/发布于 2026-12-02/)).toBeTruthy();
    expect(screen.queryByText(/2026-12-01/)).toBeNull();
  });

  it('the office’s bulletin list shows the China publication date', async () => {
    mockActions({ 'session.whoami': () => district, 'bulletins.list': () => ok({ items: [listItem] }) });
    render(<OfficeBulletinsPage />);
    expect(await screen.findByText('已发布 2026-12-02')).toBeTruthy();
  });

  it('the self-assessment says 提交于 the China date', async () => {
    const comparison = { rows: [{ ruleKey: 'monthlyVisit', label: '一月一到访', claimed: 4, computed: 4, difference: 0, remark: '' }], claimedTotal: 4, computedTotal: 4, difference: 0 };
    // 00:30 on 15 January in China is still 14 January in UTC.
    mockActions({ 'points.selfAssessment': () => ok(aSelfAssessment({ submitted: { items: [], remarks: '按计划开展', submittedAt: '2027-01-14T16:30:00.000Z', submittedBy: '赵军' }, comparison })) });
    render(<SelfAssessmentPage />);
    expect(await screen.findByText(/赵军 提交于 2027-01-15/)).toBeTruthy();
  });

  it('the assessment’s close date is the China date', async () => {
    const view: AssessmentView = {
      year: 2026,
      scopeName: '龙岗区',
      closedAt: '2027-01-31T17:30:00.000Z',
      rankingsOn: false,
      units: [],
      page: { offset: 0, limit: 50, total: 0 },
      unitChoices: [],
      streets: [],
      streetChecks: [],
      commendations: { units: [], people: [] },
      canEdit: false,
    };
    mockActions({ 'session.whoami': () => district, 'points.assessment': () => ok(view) });
    render(<AssessmentPage />);
    expect(await screen.findByText(/已于 2027-02-01 关闭/)).toBeTruthy();
  });
});
