import { act, fireEvent, render, screen } from '@testing-library/react';
import ImportPage from '../../src/pages-office/import/index';
import { fail, jsonResponse, mockActions, ok, person } from './helpers';

const zhouTao = person('周涛', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '龙岗区', approved: true }]);

/** The browser's file picker, answered with this file. */
function pickWillChoose(file: File): void {
  jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    Object.defineProperty(this, 'files', { value: [file] });
    this.dispatchEvent(new Event('change'));
  });
  (URL as unknown as { createObjectURL: () => string }).createObjectURL = jest.fn(() => 'blob:picked-file');
}

const blobRoute = () => ({ ok: true, status: 200, blob: () => Promise.resolve(new Blob(['PK…'])) }) as unknown as Response;

const totals = { rows: 3, errorRows: 1, changedRows: 2, unchangedRows: 0, unitsCreated: 2, unitsUpdated: 0, orgsCreated: 2, orgsUpdated: 0, pairingsCreated: 2, pairingsUpdated: 0, pairingsEnded: 0 };
const invalidReport = {
  importId: 'import-1',
  state: 'invalid',
  fileName: '结对表.xlsx',
  format: 'xlsx',
  year: 2026,
  fileProblems: [],
  warnings: ['跳过了 1 个空行'],
  totals,
  rows: [{ row: 4, unitName: '区甲', orgName: '甲公司', unit: 'none', org: 'none', pairing: 'none', changedFields: [], problems: [{ column: '党员人数', message: '应填整数，现为“十二”' }], notes: [] }],
  rowsOmitted: 0,
  canCommit: false,
  chunks: 0,
  chunkRows: [],
};
const readyReport = {
  ...invalidReport,
  importId: 'import-2',
  state: 'ready',
  totals: { ...totals, rows: 2, errorRows: 0 },
  rows: [{ row: 2, unitName: '区甲', orgName: '甲公司', unit: 'create', org: 'create', pairing: 'create', changedFields: ['单位名称'], problems: [], notes: [] }],
  canCommit: true,
  chunks: 3,
  chunkRows: [1, 0, 1],
};

afterEach(() => jest.restoreAllMocks());

describe('importing the pairing table', () => {
  it('uploads the chosen spreadsheet as a spreadsheet, shows the row-by-row problems, and offers no commit', async () => {
    pickWillChoose(new File(['x'], '结对表.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const calls = mockActions(
      { 'session.whoami': () => zhouTao, 'admin.importDryRun': () => ok(invalidReport) },
      { 'blob:picked-file': blobRoute, '/api/upload': () => jsonResponse(ok({ fileID: 'cloud://local.local-bucket/uploads/x/imports/a.xlsx' })) },
    );
    render(<ImportPage />);
    fireEvent.click(await screen.findByText('选择 Excel（.xlsx）或 CSV 文件'));
    expect(await screen.findByText('党员人数', { exact: false })).toBeTruthy();
    const upload = calls.fetch.mock.calls.find(([url]) => url === '/api/upload')!;
    expect((upload[1]!.headers as Record<string, string>)['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((upload[1]!.headers as Record<string, string>)['x-cloud-path']).toMatch(/^imports\/\w+-\w+\.xlsx$/);
    expect(calls.inputsOf('admin.importDryRun')).toEqual([{ fileId: 'cloud://local.local-bucket/uploads/x/imports/a.xlsx', fileName: '结对表.xlsx' }]);
    expect(screen.getByText('逐行检查结果（请修改后重新上传）')).toBeTruthy();
    expect(screen.getByText('跳过了 1 个空行')).toBeTruthy();
    expect(document.getElementById('commit-import')).toBeNull();
  });

  it('refuses a file over 10 MB before uploading it', async () => {
    const big = new File(['x'], 'big.csv', { type: 'text/csv' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    pickWillChoose(big);
    const calls = mockActions({ 'session.whoami': () => zhouTao });
    render(<ImportPage />);
    fireEvent.click(await screen.findByText('选择 Excel（.xlsx）或 CSV 文件'));
    expect(await screen.findByText(/文件不能超过 10 MB/)).toBeTruthy();
    expect(calls.fetch.mock.calls.some(([url]) => url === '/api/upload')).toBe(false);
  });

  it('commits a checked table a few chunks at a time, showing the progress, then says it is done', async () => {
    pickWillChoose(new File(['x'], '结对表.csv', { type: 'application/vnd.ms-excel' }));
    const progress = [
      { importId: 'import-2', state: 'committing', applied: 1, total: 3, message: null, totals: readyReport.totals },
      { importId: 'import-2', state: 'committing', applied: 2, total: 3, message: null, totals: readyReport.totals },
      { importId: 'import-2', state: 'committed', applied: 3, total: 3, message: null, totals: readyReport.totals },
    ];
    let step = 0;
    const calls = mockActions(
      { 'session.whoami': () => zhouTao, 'admin.importDryRun': () => ok(readyReport), 'admin.importCommit': () => ok(progress[step++]) },
      { 'blob:picked-file': blobRoute, '/api/upload': () => jsonResponse(ok({ fileID: 'cloud://f.csv' })) },
    );
    render(<ImportPage />);
    fireEvent.click(await screen.findByText('选择 Excel（.xlsx）或 CSV 文件'));
    const upload = await screen.findByText('确认导入（2 行有变化）');
    expect((calls.fetch.mock.calls.find(([url]) => url === '/api/upload')![1]!.headers as Record<string, string>)['content-type']).toBe('text/csv');
    await act(async () => {
      fireEvent.click(upload);
    });
    expect(await screen.findByText('已导入')).toBeTruthy();
    expect(calls.inputsOf('admin.importCommit')).toEqual([
      { importId: 'import-2', maxChunks: 4 },
      { importId: 'import-2', maxChunks: 4 },
      { importId: 'import-2', maxChunks: 4 },
    ]);
  });

  it('shows an import that failed and was undone', async () => {
    pickWillChoose(new File(['x'], '结对表.xlsx'));
    mockActions(
      {
        'session.whoami': () => zhouTao,
        'admin.importDryRun': () => ok(readyReport),
        'admin.importCommit': () => ok({ importId: 'import-2', state: 'rolledBack', applied: 0, total: 3, message: '预检之后“甲公司”已被修改或新建，请重新上传表格预检', totals: readyReport.totals }),
      },
      { 'blob:picked-file': blobRoute, '/api/upload': () => jsonResponse(ok({ fileID: 'cloud://f.xlsx' })) },
    );
    render(<ImportPage />);
    fireEvent.click(await screen.findByText('选择 Excel（.xlsx）或 CSV 文件'));
    fireEvent.click(await screen.findByText('确认导入（2 行有变化）'));
    expect(await screen.findByText('导入失败，已全部撤销')).toBeTruthy();
    expect(screen.getByText('预检之后“甲公司”已被修改或新建，请重新上传表格预检')).toBeTruthy();
  });

  it('exports the current table and says how many pairings', async () => {
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const calls = mockActions({ 'session.whoami': () => zhouTao, 'admin.export': () => ok({ fileId: 'cloud://e.xlsx', url: 'http://127.0.0.1/__local/files/e.xlsx', fileName: '结对共建工作安排表-2026.xlsx', rows: 31 }) });
    render(<ImportPage />);
    fireEvent.click(await screen.findByText('导出当前结对表（Excel）'));
    expect(await screen.findByText('已导出 31 个结对')).toBeTruthy();
    expect(calls.inputsOf('admin.export')).toEqual([{ format: 'xlsx', template: false }]);
    expect(clicked).toHaveBeenCalled();
  });

  it('turns away someone who is not an office', async () => {
    mockActions({ 'session.whoami': () => person('李明', [{ role: 'unitStaff', scopeType: 'unit', scopeId: 'u1', scopeName: '区财政局', approved: true }]), 'admin.importDryRun': () => fail('FORBIDDEN', '只有党群共建办可以进行此操作') });
    render(<ImportPage />);
    expect(await screen.findByText('此页面供党群共建办使用')).toBeTruthy();
  });
});
