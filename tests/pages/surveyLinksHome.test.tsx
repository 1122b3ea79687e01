import { fireEvent, render, screen } from '@testing-library/react';
import { linksInput } from '../../src/contract/surveys';
import { moreLinks } from '../../src/pages/home/MoreSection';
import SurveyLinksPage from '../../src/pages/survey/links/index';
import { fail, mockActions, ok, taro, taroControls } from './helpers';

const leader = [{ role: 'orgLeader', scopeType: 'org', scopeId: 'org-001', scopeName: '深圳华星光电科技有限公司', approved: true }] as never;
const round = (id: string, phase: 'open' | 'closed') => ({ id, year: 2026, period: 'midYear', label: id === 'round-1' ? '2026年年中评议' : '2025年年终评议', scopeType: 'district', scopeName: '全区', phase, endDate: '2026-07-14', endsAt: '2026-07-14T16:00:00.000Z', pairingCount: 30, canManage: false });
const item = (roundId: string, phase: 'open' | 'closed') => ({ round: round(roundId, phase), pairingId: 'pairing-1', unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', responses: { partyMass: 2, employees: 0, owner: 0 }, total: 2, points: null });
const link = (group: string) => ({ group, entry: `tok-${group}-aaaaaaaaaaaaaa`, path: `pages/survey/index?e=tok-${group}-aaaaaaaaaaaaaa`, responses: 0, codesIssued: 0, codesRequired: false });

/** Opens the home page's 发放评议链接 as the mini-program would: its URL's query becomes the page parameters. */
function openHomeLink() {
  const url = moreLinks(leader).find((candidate) => candidate.text === '发放评议链接')!.url;
  taroControls.__setRouterParams(Object.fromEntries(new URLSearchParams(url.split('?')[1] ?? '')));
  render(<SurveyLinksPage />);
}

/** surveys.links as the server answers it: the contract's validation first. */
const links = (input: Record<string, unknown>) => {
  const parsed = linksInput.safeParse(input);
  if (!parsed.success) return fail('INVALID_INPUT', parsed.error.issues[0]!.message, String(parsed.error.issues[0]!.path[0]));
  return ok({ round: round(parsed.data.roundId, 'open'), pairingId: parsed.data.pairingId, unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', groups: [link('partyMass'), link('employees'), link('owner')] });
};

describe('发放评议链接 from the home page (the org’s party leader)', () => {
  it('opens the links of the org’s only open evaluation, not 编号格式不正确', async () => {
    const { inputsOf } = mockActions({ 'surveys.mine': () => ok({ asUnit: [], asLeader: [item('round-2', 'closed'), item('round-1', 'open')] }), 'surveys.links': links });
    openHomeLink();
    expect(await screen.findByText('深圳华星光电科技有限公司 评议 区发展和改革局（截止 2026-07-14）')).toBeTruthy();
    expect(screen.queryByText('编号格式不正确')).toBeNull();
    expect(screen.queryByText('出错了')).toBeNull();
    expect(inputsOf('surveys.links')).toEqual([{ roundId: 'round-1', pairingId: 'pairing-1' }]);
  });

  it('lets the leader choose when several evaluations are open', async () => {
    mockActions({ 'surveys.mine': () => ok({ asUnit: [], asLeader: [item('round-1', 'open'), { ...item('round-3', 'open'), pairingId: 'pairing-2' }] }), 'surveys.links': links });
    openHomeLink();
    fireEvent.click(await screen.findByText('2026年年中评议 · 进行中'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/survey/links/index?round=round-1&pairing=pairing-1' });
  });

  it('says there is nothing to hand out when the org has no evaluation', async () => {
    mockActions({ 'surveys.mine': () => ok({ asUnit: [], asLeader: [] }), 'surveys.links': links });
    openHomeLink();
    expect(await screen.findByText('目前没有要发放的评议')).toBeTruthy();
    expect(screen.queryByText('编号格式不正确')).toBeNull();
  });
});
