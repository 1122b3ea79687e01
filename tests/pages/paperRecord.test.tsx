import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import PaperRecordPage from '../../src/pages-office/paper-record/index';
import OfficeIndexPage from '../../src/pages-office/index/index';
import { aRecord } from './builders';
import { mockActions, ok, person, taro } from './helpers';

const office = () => person('孙丽', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-longcheng', scopeName: '龙城街道', approved: true }]);
const pairing = { id: 'pairing-2026-001', unitId: 'unit-001', unitName: '区发展和改革局', orgId: 'org-001', orgName: '深圳华星光电科技有限公司', year: 2026, startDate: '2026-01-01', endDate: null, arrangedBy: 'district' };
const directory = () => ok({ units: [], orgs: [], pairings: [pairing], total: 1 });

function type(selector: string, value: string) {
  fireEvent.change(document.querySelector(selector)!, { target: { value } });
}

async function fillFromPaper() {
  fireEvent.click(await screen.findByText('区发展和改革局 ⇄ 深圳华星光电科技有限公司'));
  fireEvent.click(await screen.findByText('（二）完善党群组织工作制度'));
  type('#field-content-input', '按纸质记录本：到企业指导三会一课');
  type('#field-results-input', '修订制度一项');
  type('#unit-count', '2');
  type('#org-count', '3');
}

const savedAs = (input: Record<string, unknown>) => ok({ record: aRecord({ id: String(input['clientKey']), state: 'draft', revision: 1, paper: true }) });

describe('补录纸质记录 (office)', () => {
  it('is linked from the office workbench', async () => {
    mockActions({ 'session.whoami': office, 'admin.overview': () => ok({ year: 2026, district: false, streets: [], counts: { units: 1, orgs: 1, pairings: 1 }, waiting: { leaders: 0, plans: 0, feedback: 0, records: 0 }, leaderRequests: [] }) });
    render(<OfficeIndexPage />);
    fireEvent.click(await screen.findByText('补录纸质记录'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-office/paper-record/index' });
  });

  it('picks a pairing in scope, enters the paper record as paper and sends it to the leader', async () => {
    const { inputsOf } = mockActions({
      'session.whoami': office,
      'admin.directory': directory,
      'records.save': savedAs,
      'records.submit': (input) => ok({ record: aRecord({ id: String(input['recordId']), state: 'submitted', paper: true }), link: { token: 'tok_abcdefghijklmnop', path: 'pages/confirm/index?t=tok_abcdefghijklmnop', expiresAt: '2026-03-19T00:00:00.000Z' } }),
    });
    render(<PaperRecordPage />);
    await fillFromPaper();
    fireEvent.click(screen.getByText('补录并发送给负责人确认'));
    expect(await screen.findByText('已发送给组织负责人确认；确认前记录显示为“待确认”。')).toBeTruthy();
    expect(inputsOf('admin.directory')[0]).toMatchObject({ kind: 'pairings' });
    const [save] = inputsOf('records.save');
    expect(save).toMatchObject({ pairingId: pairing.id, paper: true, content: '按纸质记录本：到企业指导三会一课', participants: { unit: { count: 2 }, org: { count: 3 } } });
    expect(inputsOf('records.submit')).toEqual([{ recordId: save!['clientKey'], revision: 1 }]);
    expect(inputsOf('records.confirmOnPaper')).toEqual([]);
  });

  it('confirms at once when the office checked the leader’s signature on paper', async () => {
    const { inputsOf } = mockActions({
      'session.whoami': office,
      'admin.directory': directory,
      'records.save': savedAs,
      'records.confirmOnPaper': (input) => ok({ record: aRecord({ id: String(input['recordId']), state: 'confirmed', paper: true }) }),
    });
    render(<PaperRecordPage />);
    await fillFromPaper();
    fireEvent.click(screen.getByText('纸质记录上已有组织负责人签字（纸质签字已核）'));
    fireEvent.click(screen.getByText('补录并确认（纸质签字已核）'));
    expect(await screen.findByText('纸质签字已核，记录已确认，计入记录本和积分。')).toBeTruthy();
    expect(inputsOf('records.confirmOnPaper')).toHaveLength(1);
    expect(inputsOf('records.submit')).toEqual([]);
  });

  it('checks the record with the same rules before sending: every problem at once, nothing sent', async () => {
    const { inputsOf } = mockActions({ 'session.whoami': office, 'admin.directory': directory });
    render(<PaperRecordPage />);
    fireEvent.click(await screen.findByText('区发展和改革局 ⇄ 深圳华星光电科技有限公司'));
    fireEvent.click(await screen.findByText('补录并发送给负责人确认'));
    expect(document.getElementById('field-content-error')!.textContent).toBe('请填写工作内容');
    expect(document.getElementById('field-participants-org-error')!.textContent).toBe('请填写组织方参加人数');
    expect(document.getElementById('paper-problems')!.textContent).toMatch(/^还有 5 处需要填写或修改/);
    expect(inputsOf('records.save')).toEqual([]);
  });

  it('shows a refusal at the button, and turns away someone who is not an office', async () => {
    mockActions({
      'session.whoami': office,
      'admin.directory': directory,
      'records.save': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } }),
    });
    const first = render(<PaperRecordPage />);
    await fillFromPaper();
    fireEvent.click(screen.getByText('补录并发送给负责人确认'));
    const refusal = await screen.findByText('您没有权限进行此操作');
    expect(refusal.closest('#paper-answer')!.nextElementSibling?.textContent).toBe('补录并发送给负责人确认');
    first.unmount();

    mockActions({
      'session.whoami': () => person('李明', [{ role: 'unitStaff', scopeType: 'unit', scopeId: 'u1', scopeName: '区发展和改革局', approved: true }]),
      'admin.directory': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } }),
    });
    render(<PaperRecordPage />);
    await waitFor(() => expect(screen.getByText('此页面供党群共建办使用')).toBeTruthy());
  });
});
