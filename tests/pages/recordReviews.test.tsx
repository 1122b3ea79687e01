import { fireEvent, render, screen } from '@testing-library/react';
import RecordChecksPage from '../../src/pages-office/checks/index';
import { fail, mockActions, ok, person, settle } from './helpers';

/** 待核查的记录: the flags seen across records, and marking a record reviewed with a note (已核查 keeps the note). */
const office = person('孙丽', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-longcheng', scopeName: '龙城街道', approved: true }]);
const review = { at: '2026-06-10T02:00:00.000Z', byName: '孙丽', note: '已与纸质台账核对', flags: ['photoReused'] };
const row = (id: string, flags: string[], reviewed: typeof review | null = null) => ({ id, kind: 'monthlyVisit', date: '2026-05-20', state: 'confirmed', unitName: '区发展和改革局', orgName: '华星光电', flags, review: reviewed });

it('names each flag found across records', async () => {
  mockActions({ 'session.whoami': () => office, 'admin.recordChecks': () => ok({ year: 2026, items: [row('r1', ['sameSpotManyDays', 'photoReused']), row('r2', ['visitFarFromOrg', 'confirmBurst'])], page: { offset: 0, limit: 20, total: 2 } }) });
  render(<RecordChecksPage />);
  expect(await screen.findByText('待核查：多日签到坐标完全相同、照片与其他记录重复')).toBeTruthy();
  expect(screen.getByText('待核查：走访记录但签到远离组织、负责人短时间内集中确认')).toBeTruthy();
});

it('asks for a note before marking reviewed, sends it, and the record leaves the list', async () => {
  const server = mockActions({
    'session.whoami': () => office,
    'admin.recordChecks': () => ok({ year: 2026, items: [row('r1', ['photoReused'])], page: { offset: 0, limit: 20, total: 1 } }),
    'admin.reviewRecordCheck': () => ok({ item: row('r1', ['photoReused'], review) }),
  });
  render(<RecordChecksPage />);
  fireEvent.click(await screen.findByText('标记为已核查'));
  fireEvent.click(screen.getByText('确认已核查'));
  expect(screen.getByText('请填写核查说明')).toBeTruthy();
  await settle();
  expect(server.inputsOf('admin.reviewRecordCheck')).toEqual([]);
  fireEvent.change(document.querySelector('#check-r1-note-input')!, { target: { value: '  已与纸质台账核对 ' } });
  fireEvent.click(screen.getByText('确认已核查'));
  expect(await screen.findByText('没有需要核查的记录。')).toBeTruthy();
  expect(server.inputsOf('admin.reviewRecordCheck')).toEqual([{ recordId: 'r1', note: '已与纸质台账核对' }]);
});

it('shows a refusal next to the record', async () => {
  mockActions({
    'session.whoami': () => office,
    'admin.recordChecks': () => ok({ year: 2026, items: [row('r1', ['photoReused'])], page: { offset: 0, limit: 20, total: 1 } }),
    'admin.reviewRecordCheck': () => fail('NOT_FOUND', '待核查的记录中没有这一条'),
  });
  render(<RecordChecksPage />);
  fireEvent.click(await screen.findByText('标记为已核查'));
  fireEvent.change(document.querySelector('#check-r1-note-input')!, { target: { value: '核对过' } });
  fireEvent.click(screen.getByText('确认已核查'));
  expect(await screen.findByText('待核查的记录中没有这一条')).toBeTruthy();
});

it('已核查 lists the reviewed records with their flags and the note, without a review button', async () => {
  const server = mockActions({
    'session.whoami': () => office,
    'admin.recordChecks': (input) => ok({ year: 2026, items: input['reviewed'] ? [row('r9', ['photoReused'], review)] : [], page: { offset: 0, limit: 20, total: input['reviewed'] ? 1 : 0 } }),
  });
  render(<RecordChecksPage />);
  fireEvent.click(await screen.findByText('查看已核查的记录'));
  expect(await screen.findByText(/核查说明：已与纸质台账核对（孙丽/)).toBeTruthy();
  expect(screen.getByText('待核查：照片与其他记录重复')).toBeTruthy();
  expect(screen.queryByText('标记为已核查')).toBeNull();
  expect(server.inputsOf('admin.recordChecks')).toEqual([{}, { reviewed: true }]);
});
