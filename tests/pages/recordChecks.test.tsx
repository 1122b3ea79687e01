import { fireEvent, render, screen } from '@testing-library/react';
import RecordChecksPage from '../../src/pages-office/checks/index';
import OfficeIndexPage from '../../src/pages-office/index/index';
import { mockActions, ok, person, taro } from './helpers';

const office = person('孙丽', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-longcheng', scopeName: '龙城街道', approved: true }]);
const row = (id: string, flags: string[], review: { at: string; byName: string; note: string; flags: string[] } | null = null) => ({ id, kind: 'monthlyVisit', date: '2026-05-20', state: 'confirmed', unitName: '区发展和改革局', orgName: '华星光电', flags, review });

describe('待核查的记录', () => {
  it('the workbench counts them and opens their list', async () => {
    mockActions({ 'session.whoami': () => office, 'admin.overview': () => ok({ year: 2026, district: false, streets: [], counts: { units: 1, orgs: 1, pairings: 1 }, waiting: { leaders: 0, plans: 0, feedback: 0, records: 3 }, leaderRequests: [] }) });
    render(<OfficeIndexPage />);
    expect(await screen.findByText('待核查的记录')).toBeTruthy();
    expect(screen.getByText('3 项')).toBeTruthy();
    fireEvent.click(screen.getByText('待核查的记录'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-office/checks/index' });
  });

  it('lists each with why it is to be checked, a page at a time', async () => {
    const server = mockActions({
      'session.whoami': () => office,
      'admin.recordChecks': (input) => ok({ year: 2026, items: input['offset'] ? [row('r3', ['poorAccuracy'])] : [row('r1', ['outsideGeofence', 'poorAccuracy']), row('r2', ['outsideGeofence'])], page: { offset: Number(input['offset'] ?? 0), limit: 2, total: 3 } }),
    });
    render(<RecordChecksPage />);
    expect(await screen.findByText('待核查：不在组织附近、定位精度较差')).toBeTruthy();
    expect(screen.getByText(/共 3 条/, { selector: '#checks-summary' })).toBeTruthy();
    fireEvent.click(screen.getByText('下一页'));
    expect(await screen.findByText('待核查：定位精度较差')).toBeTruthy();
    expect(server.inputsOf('admin.recordChecks')).toEqual([{}, { offset: 2 }]);
    fireEvent.click(screen.getByText('待核查：定位精度较差'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/record/index?id=r3' });
  });
});
