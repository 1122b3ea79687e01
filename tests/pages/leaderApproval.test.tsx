import { fireEvent, render, screen } from '@testing-library/react';
import { errorMessages } from '../../src/contract/errors';
import OfficeIndexPage from '../../src/pages-office/index/index';
import PendingPage from '../../src/pages/pending/index';
import { OfficeWaitingView } from '../../src/pages-office/shared/OfficeWaitingView';
import { fail, mockActions, ok, person, settle } from './helpers';

const waitingLeader = person('新书记', [{ role: 'orgLeader', scopeType: 'org', scopeId: 'org-001', scopeName: '华星光电', approved: false }]);
const refusedPerson = person('新书记', []);
const pendingApproval = () => fail('PENDING_APPROVAL', errorMessages.PENDING_APPROVAL);

describe('a party leader waiting for approval (PENDING_APPROVAL) is not shown an error', () => {
  it('the pending page says calmly that approval is pending, for which org', async () => {
    mockActions({
      'session.whoami': () => waitingLeader,
      'records.pending': pendingApproval,
      'admin.myLeaderRequests': () => ok({ items: [{ state: 'waiting', orgId: 'org-001', orgName: '华星光电' }] }),
    });
    render(<PendingPage />);
    expect(await screen.findByText('正在等待审核')).toBeTruthy();
    expect(screen.getByText(/华星光电 党组织负责人：.*审核通过后即可使用/)).toBeTruthy();
    expect(screen.queryByText('出错了')).toBeNull();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('office pages show the same calm state rather than 出错了', () => {
    render(<OfficeWaitingView state={{ status: 'error', error: { code: 'PENDING_APPROVAL', message: errorMessages.PENDING_APPROVAL } }} onRetry={() => undefined} />);
    expect(screen.getByText('正在等待审核')).toBeTruthy();
    expect(screen.queryByText('出错了')).toBeNull();
  });
});

describe('a refused party leader reads the reason and may ask again', () => {
  it('shows the reason on the pending page, and 重新申请 puts them back to waiting', async () => {
    let reapplied = false;
    const server = mockActions({
      'session.whoami': () => refusedPerson,
      'records.pending': () => fail('FORBIDDEN', errorMessages.FORBIDDEN),
      'admin.myLeaderRequests': () =>
        ok({
          items: [
            reapplied
              ? { state: 'waiting', orgId: 'org-001', orgName: '华星光电' }
              : { state: 'refused', orgId: 'org-001', orgName: '华星光电', reason: '经核实不是该组织负责人', refusedAt: '2026-06-10T02:00:00.000Z', refusedByName: '孙丽' },
          ],
        }),
      'admin.reapplyLeader': () => {
        reapplied = true;
        return ok({ item: { state: 'waiting', orgId: 'org-001', orgName: '华星光电' } });
      },
    });
    render(<PendingPage />);
    expect(await screen.findByText('您的负责人申请未通过')).toBeTruthy();
    expect(screen.getByText('退回原因：经核实不是该组织负责人')).toBeTruthy();
    expect(screen.getByText(/孙丽 于 2026年6月10日 10:00 退回/)).toBeTruthy();
    fireEvent.click(screen.getByText('重新申请'));
    expect(await screen.findByText('正在等待审核')).toBeTruthy();
    expect(server.inputsOf('admin.reapplyLeader')).toEqual([{ orgId: 'org-001' }]);
  });

  it('tells someone with no request at all that the page is for party leaders', async () => {
    mockActions({ 'session.whoami': () => refusedPerson, 'records.pending': () => fail('FORBIDDEN', errorMessages.FORBIDDEN), 'admin.myLeaderRequests': () => ok({ items: [] }) });
    render(<PendingPage />);
    expect(await screen.findByText('此页面供“两新”组织党组织负责人使用')).toBeTruthy();
  });
});

describe('the workbench shows who asks to be a party leader, approved or refused with a reason', () => {
  const office = person('孙丽', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-longcheng', scopeName: '龙城街道', approved: true }]);
  const request = { personId: 'person-x', name: '新书记', orgId: 'org-001', orgName: '华星光电', requestedAt: '2026-06-09T16:30:00.000Z', invitedByName: '李明' };
  const overview = ok({ year: 2026, district: false, streets: [], counts: { units: 1, orgs: 1, pairings: 1 }, waiting: { leaders: 1, plans: 0, feedback: 0, records: 0 }, leaderRequests: [request] });

  it('shows the org claimed, when they asked (China time) and who invited them', async () => {
    const server = mockActions({ 'session.whoami': () => office, 'admin.overview': () => overview });
    render(<OfficeIndexPage />);
    expect(await screen.findByText('新书记')).toBeTruthy();
    expect(server.calls()).toEqual([{ action: 'admin.overview', viewer: true }]); // the requests come with the workbench's answer
    expect(screen.getByText('申请担任：华星光电 党组织负责人')).toBeTruthy();
    expect(screen.getByText('申请时间：2026年6月10日 00:30')).toBeTruthy();
    expect(screen.getByText('邀请人：李明')).toBeTruthy();
  });

  it('asks for a reason before refusing, sends it, and the request leaves the list', async () => {
    const server = mockActions({ 'session.whoami': () => office, 'admin.overview': () => overview, 'admin.refuseLeader': () => ok({ refused: true }) });
    render(<OfficeIndexPage />);
    fireEvent.click(await screen.findByText('退回'));
    fireEvent.click(screen.getByText('确认退回'));
    expect(screen.getByText('请填写退回原因')).toBeTruthy();
    await settle();
    expect(server.inputsOf('admin.refuseLeader')).toEqual([]);
    fireEvent.change(document.querySelector('#leader-person-x-org-001-reason-input')!, { target: { value: '  不是该组织负责人 ' } });
    fireEvent.click(screen.getByText('确认退回'));
    expect(await screen.findByText('已全部审核。')).toBeTruthy();
    expect(server.inputsOf('admin.refuseLeader')).toEqual([{ personId: 'person-x', orgId: 'org-001', reason: '不是该组织负责人' }]);
  });

  it('shows a refusal the server refuses next to the request', async () => {
    mockActions({ 'session.whoami': () => office, 'admin.overview': () => overview, 'admin.refuseLeader': () => fail('FORBIDDEN', '只有结对单位、党群共建办或已审核的负责人可以审核') });
    render(<OfficeIndexPage />);
    fireEvent.click(await screen.findByText('退回'));
    fireEvent.change(document.querySelector('#leader-person-x-org-001-reason-input')!, { target: { value: '原因' } });
    fireEvent.click(screen.getByText('确认退回'));
    expect(await screen.findByText('只有结对单位、党群共建办或已审核的负责人可以审核')).toBeTruthy();
    expect(screen.getByText('新书记')).toBeTruthy();
  });
});
