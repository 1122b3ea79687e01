import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import PointsPage from '../../src/pages-more/points/index';
import UnitBulletinsPage from '../../src/pages-more/points/bulletins/index';
import SelfAssessmentPage from '../../src/pages-more/points/self-assessment/index';
import { fail, mockActions, ok, taro } from './helpers';
import { aBulletin, aSelfAssessment, aUnitPointsView } from './pointsBuilders';

describe('我的积分 (unit points page)', () => {
  it('shows the total, every line with its source, rule and version, the waiting records and the calendar', async () => {
    const view = aUnitPointsView();
    mockActions({ 'points.unit': () => ok(view) });
    render(<PointsPage />);
    expect(await screen.findByText('区发展和改革局')).toBeTruthy();
    expect(document.getElementById('points-total')!.textContent).toBe(String(view.totals.total));
    const lines = document.getElementById('point-lines')!;
    expect(within(lines).getByText(/2026-01-10 · 一月一到访：指导三会一课/)).toBeTruthy();
    expect(within(lines).getAllByText('默认积分表').length).toBeGreaterThan(0);
    expect(within(lines).getAllByText('+2').length).toBe(3);
    const pending = document.getElementById('pending-lines')!;
    expect(within(pending).getByText('待确认')).toBeTruthy();
    expect(within(pending).getByText('待“两新”组织党组织负责人确认，确认后计分')).toBeTruthy();
    expect(document.getElementById('calendar-2026-01')!.className).toContain('points-calendar__cell--done');
    expect(document.getElementById('calendar-2026-04')!.textContent).toContain('待组织确认');
    expect(document.getElementById('calendar-2026-Q1')!.textContent).toContain('已完成');
    expect(screen.queryByText(/排名/)).toBeNull();
  });

  it('names an achievement on a confirmed record and reloads the points', async () => {
    let tagged = false;
    const { inputsOf } = mockActions({
      'points.unit': () => ok(aUnitPointsView(tagged ? { taggable: [{ ...aUnitPointsView().taggable[0]!, achievements: ['mediationCommittee'] }] } : {})),
      'points.tagAchievement': () => {
        tagged = true;
        return ok({ recordId: 'rec-q1', achievements: ['mediationCommittee'] });
      },
    });
    render(<PointsPage />);
    fireEvent.click(await screen.findByText('推动建立劳动争议调解委员会（5 分）'));
    await waitFor(() => expect(inputsOf('points.tagAchievement')).toEqual([{ recordId: 'rec-q1', achievement: 'mediationCommittee' }]));
    expect(await screen.findByText('✓ 推动建立劳动争议调解委员会（5 分）')).toBeTruthy();
  });

  it('goes to the self-assessment and the bulletins', async () => {
    mockActions({ 'points.unit': () => ok(aUnitPointsView()) });
    render(<PointsPage />);
    fireEvent.click(await screen.findByText('年度自评'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-more/points/self-assessment/index?unit=unit-001' });
    fireEvent.click(screen.getByText('督办通报'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-more/points/bulletins/index' });
  });
});

describe('年度自评 (self-assessment page)', () => {
  it('prefills the computed points, asks why when a claim differs, shows the server’s refusal on its row', async () => {
    const { inputsOf } = mockActions({
      'points.selfAssessment': () => ok(aSelfAssessment()),
      'points.submitSelfAssessment': () => fail('INVALID_INPUT', '“一月一到访”全年最多 24 分，自评 30 分超出积分规则', 'items.0.claimed'),
    });
    render(<SelfAssessmentPage />);
    const visit = (await screen.findByText('一月一到访')).closest('#claim-monthlyVisit') as HTMLElement;
    const input = within(visit).getAllByRole('textbox')[0] as HTMLInputElement;
    expect(input.value).toBe('4');
    expect((document.getElementById('claim-deduction.month-input') as HTMLInputElement).value).toBe('2');
    fireEvent.change(input, { target: { value: '30' } });
    fireEvent.change(document.getElementById('claim-monthlyVisit-remark')!, { target: { value: '12月的到访待确认' } });
    fireEvent.click(screen.getByText('提交自评'));
    expect(await within(visit).findByText('“一月一到访”全年最多 24 分，自评 30 分超出积分规则')).toBeTruthy();
    expect(inputsOf('points.submitSelfAssessment')).toEqual([
      {
        unitId: 'unit-001',
        year: 2026,
        remarks: '',
        items: [
          { ruleKey: 'monthlyVisit', claimed: 30, remark: '12月的到访待确认' },
          { ruleKey: 'quarterlyActivity', claimed: 5 },
          { ruleKey: 'deduction.month', claimed: -2 },
        ],
      },
    ]);
  });

  it('shows the claim beside the computed points once submitted', async () => {
    let submitted = false;
    const comparison = { rows: [{ ruleKey: 'monthlyVisit', label: '一月一到访', claimed: 6, computed: 4, difference: 2, remark: '12月的到访待确认' }], claimedTotal: 9, computedTotal: 7, difference: 2 };
    mockActions({
      'points.selfAssessment': () => ok(aSelfAssessment(submitted ? { submitted: { items: [], remarks: '按计划开展', submittedAt: '2026-12-20T02:00:00.000Z', submittedBy: '赵军' }, comparison } : {})),
      'points.submitSelfAssessment': () => {
        submitted = true;
        return ok(aSelfAssessment());
      },
    });
    render(<SelfAssessmentPage />);
    fireEvent.click(await screen.findByText('提交自评'));
    expect(await screen.findByText('自评已提交，截止前可以修改后重新提交。')).toBeTruthy();
    const row = await waitFor(() => document.getElementById('compare-monthlyVisit')!);
    expect(row.textContent).toContain('+2');
    expect(document.getElementById('compare-total')!.textContent).toContain('9');
  });

  it('is read-only for staff and after the deadline', async () => {
    mockActions({ 'points.selfAssessment': () => ok(aSelfAssessment({ canSubmit: false })) });
    render(<SelfAssessmentPage />);
    expect(await screen.findByText('年度自评由单位主要负责人提交，您可以查看。')).toBeTruthy();
    expect(screen.queryByText('提交自评')).toBeNull();
  });
});

describe('督办通报 (bulletins for a unit)', () => {
  it('lists the published bulletins concerning the unit and opens one with the unit marked', async () => {
    const bulletin = aBulletin({ state: 'published', publishedAt: '2026-04-03T02:00:00.000Z', canEdit: false, canPublish: false, myUnitIds: ['unit-001'], generated: undefined, edit: undefined });
    mockActions({
      'bulletins.list': () => ok({ items: [{ id: bulletin.id, scopeName: '龙岗区', year: 2026, quarter: 1, title: bulletin.title, state: 'published', publishedAt: bulletin.publishedAt, updatedAt: bulletin.updatedAt }] }),
      'bulletins.get': () => ok({ bulletin }),
    });
    render(<UnitBulletinsPage />);
    fireEvent.click(await screen.findByText('龙岗区2026年第一季度结对共建督办检查通报'));
    const praised = (await screen.findByText(/区发展和改革局（本单位）：按时完成到访和联合活动/)).closest('#praised')!;
    expect(praised).toBeTruthy();
    expect(document.getElementById('my-compliance')!.textContent).toContain('联合活动：已完成');
  });

  it('says so when there is none', async () => {
    mockActions({ 'bulletins.list': () => ok({ items: [] }) });
    render(<UnitBulletinsPage />);
    expect(await screen.findByText('暂无涉及本单位的通报。')).toBeTruthy();
  });
});
