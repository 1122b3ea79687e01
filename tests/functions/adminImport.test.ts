import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/domain/admin/csv';
import { wgs84ToGcj02 } from '../../src/domain/admin/coordinates';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import type { TableRow } from './adminFixture';
import { commitAll, csvOf, dryRun, generatedRow, headers, report, snapshot, xlsxOf } from './adminFixture';

jest.setTimeout(180_000);

const district = 'demo-zhoutao';
const street = 'demo-sunli';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 10, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

const db = () => wxServerSdk().database();
async function one<T>(collection: string, where: object): Promise<T[]> {
  return ((await db().collection(collection).where(where).limit(1000).get()) as unknown as { data: T[] }).data;
}

const newRow = (overrides: TableRow = {}): TableRow => ({ ...generatedRow(9000), 单位名称: '区新设单位', 组织名称: '深圳市新设组织有限公司', ...overrides });

describe('files that are not a pairing table', () => {
  it('refuses a picture, a PDF, an old .xls, a broken .xlsx and an empty file with a clear message, and stores nothing', async () => {
    const before = await t.count('adminImports');
    const cases: Array<[Buffer, string, RegExp]> = [
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'photo.png', /这不是电子表格文件/],
      [Buffer.from('%PDF-1.7 hello'), '方案.pdf', /这不是电子表格文件/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '结对表.xls', /旧版 Excel 文件/],
      [Buffer.from('PK\u0003\u0004 not really a zip'), '结对表.xlsx', /无法读取这个 Excel 文件/],
      [Buffer.from('just words'), '结对表.xlsx', /内容不是 Excel 文件/],
      [Buffer.from('some text'), 'notes.docx', /这不是电子表格文件/],
      [Buffer.alloc(0), '空.csv', /文件是空的/],
    ];
    for (const [content, name, message] of cases) {
      const result = await dryRun(t, district, content, name);
      expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message), field: 'fileId' } });
    }
    expect(await t.count('adminImports')).toBe(before);
    expect(await t.count('adminImportChunks')).toBe(0);
  });

  it('refuses a file over 10 MB, and a file that was never uploaded', async () => {
    const big = Buffer.concat([Buffer.from(csvOf([newRow()])), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    expect(await dryRun(t, district, big, 'big.csv')).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/不能超过 10 MB/), field: 'fileId' } });
    expect(await t.call(district, 'admin.importDryRun', { fileId: 'cloud://local.local-bucket/uploads/none.xlsx', fileName: 'none.xlsx' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到上传的文件，请重新上传' } });
    expect(await t.count('adminImports')).toBe(0);
  });

  it('refuses anyone but an office, and bad input, before reading anything', async () => {
    expect(await t.call('demo-liming', 'admin.importDryRun', { fileId: 'cloud://x/y.xlsx', fileName: 'y.xlsx' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(district, 'admin.importDryRun', { fileId: 'http://elsewhere/file.xlsx', fileName: 'f.xlsx' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '文件编号格式不正确', field: 'fileId' } });
  });
});

describe('a table with problems: a clear report row by row, nothing can be committed', () => {
  it('names missing columns and an ignored one', async () => {
    const data = await report(t, district, await xlsxOf([newRow()], { header: ['单位名称', '组织名称', '备注'] }), '缺列.xlsx');
    expect(data).toMatchObject({ state: 'invalid', canCommit: false, fileProblems: ['缺少必需的列：“年度”'], chunks: 0 });
    expect(data.warnings).toContain('“备注”（C 列）不是结对表的列，已忽略');
    expect(await t.call(district, 'admin.importCommit', { importId: data.importId })).toEqual({ ok: false, error: { code: 'CONFLICT', message: '这次预检发现了问题，不能导入：请修改表格后重新上传预检' } });
  });

  it('reports merged cells, blank rows, text in number columns, formulas, duplicate rows, unknown streets and impossible coordinates', async () => {
    const rows: TableRow[] = [
      newRow({ 单位名称: '区甲', 组织名称: '甲公司' }),
      newRow({ 单位名称: '区乙', 组织名称: '乙公司', 单位所在街道: null }),
      {},
      newRow({ 单位名称: '区丙', 组织名称: '丙公司', 党员人数: '十二人' }),
      newRow({ 单位名称: '区丁', 组织名称: '丁公司', 纬度: { formula: '22.7+0.01', result: 22.71 } }),
      newRow({ 单位名称: '区丙', 组织名称: '丙公司', 党员人数: '十二人' }),
      newRow({ 单位名称: '区戊', 组织名称: '戊公司', 组织所在街道: '火星街道' }),
      newRow({ 单位名称: '区己', 组织名称: '己公司', 纬度: 114.1, 经度: 22.6 }),
      newRow({ 单位名称: '=CMD|calc', 组织名称: '@庚公司', 单位联系人: '+张三', 组织联系人: '-李四' }),
    ];
    const data = await report(t, district, await xlsxOf(rows, { merges: ['E2:E3'] }), '问题表.xlsx');
    expect(data.state).toBe('invalid');
    const problems = (row: number) => data.rows.find((item) => item.row === row)?.problems.map((problem) => `${problem.column ?? ''}:${problem.message}`);
    expect(problems(2)).toEqual(['单位所在街道:是合并单元格（E2:E3），请取消合并并在每一行填写', '单位所在街道:新单位须填写所在街道']);
    expect(problems(3)).toEqual(['单位所在街道:是合并单元格（E2:E3），请取消合并并在每一行填写', '单位所在街道:新单位须填写所在街道']);
    expect(problems(5)).toEqual(['党员人数:应填整数，现为“十二人”']);
    expect(problems(6)).toEqual([expect.stringMatching(/^纬度:是公式，系统不计算公式/)]);
    expect(problems(7)).toEqual(['党员人数:应填整数，现为“十二人”', ':与第 5 行完全相同（重复行），请删除其中一行']);
    expect(problems(8)).toEqual([expect.stringMatching(/^组织所在街道:未知街道“火星街道”/)]);
    expect(problems(9)).toEqual([expect.stringMatching(/^纬度:纬度和经度好像填反了/)]);
    // Text starting with = + - @ is only text: not a problem, and stored as typed.
    expect(problems(10)).toEqual([]);
    expect(data.rows.find((item) => item.row === 10)).toMatchObject({ unitName: '=CMD|calc', orgName: '@庚公司', unit: 'create' });
    expect(data.warnings).toContain('跳过了 1 个空行');
    expect(data.totals).toMatchObject({ rows: 8, errorRows: 7 });
    expect(await t.count('units', { name: '区甲' })).toBe(0);
  });

  it('reads a CSV saved by Excel in GBK, and reports an unclosed quote', async () => {
    const csv = csvOf([newRow({ 单位名称: '区UTF8单位', 组织名称: 'UTF8组织' })]);
    const data = await report(t, district, Buffer.from(`\ufeff${csv}`, 'utf8'), '结对表.csv');
    expect(data).toMatchObject({ state: 'ready', format: 'csv', rows: [expect.objectContaining({ unitName: '区UTF8单位', unit: 'create' })] });
    // 年度,单位名称,组织名称 / 2026,区教育局,空闲组织有限公司 — as Excel on Chinese Windows saves it (GBK).
    const gbkBytes = Buffer.from('c4eab6c82cb5a5cebbc3fbb3c62cd7e9d6afc3fbb3c60d0a323032362cc7f8bdccd3fdbed62cbfd5cfd0d7e9d6afd3d0cfdeb9abcbbe0d0a', 'hex');
    const gbkReport = await report(t, district, gbkBytes, 'gbk.csv');
    expect(gbkReport.fileProblems).toEqual([]);
    expect(gbkReport.rows[0]).toMatchObject({ unitName: '区教育局', orgName: '空闲组织有限公司' });
    expect(await dryRun(t, district, '年度,单位名称,组织名称\r\n2026,"区教育局,组织\r\n', 'bad.csv')).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'CSV 文件第 2 行格式有误：引号没有闭合', field: 'fileId' } });
  });
});

describe('a 1,000-pairing table', () => {
  const rows = Array.from({ length: 1000 }, (_, index) => generatedRow(index));
  let importId: string;

  it('dry-runs to a report of 1,000 new pairings and writes none of them', async () => {
    const before = await snapshot();
    const data = await report(t, district, await xlsxOf(rows, { titleRow: '附件1 结对共建、创先争优工作安排表' }), '2026结对表.xlsx');
    expect(data).toMatchObject({ state: 'ready', canCommit: true, year: 2026, format: 'xlsx', fileProblems: [] });
    expect(data.totals).toMatchObject({ rows: 1000, errorRows: 0, changedRows: 1000, unitsCreated: 1000, orgsCreated: 1000, pairingsCreated: 1000 });
    expect(data.chunks).toBeGreaterThan(10);
    expect(await snapshot()).toEqual(before);
    importId = data.importId;
  });

  it('commits in chunks with visible progress, all of it', async () => {
    const progress = await commitAll(t, district, importId, 7);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((step) => step.applied)).toEqual([...progress.map((step) => step.applied)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ state: 'committed', message: null });
    expect(progress.at(-1)!.applied).toBe(progress.at(-1)!.total);
    expect(await t.count('pairings', { year: 2026 })).toBe(1000 + t.district.pairings.length);
    expect(await t.count('units')).toBe(1000 + t.district.units.length);
    const [pairing] = await one<Record<string, unknown>>('pairings', { unitName: '测试单位0007' });
    expect(pairing).toMatchObject({ orgName: '深圳市测试组织0007有限公司', year: 2026, startDate: '2026-01-01', endDate: null, arrangedBy: 'district' });
    expect(await t.count('auditTrail', { action: 'import.row' })).toBe(1000);
    // Committing again is a no-op.
    expect(await t.call(district, 'admin.importCommit', { importId })).toMatchObject({ ok: true, data: { state: 'committed' } });
    expect(await t.count('pairings', { year: 2026 })).toBe(1000 + t.district.pairings.length);
  });

  it('re-importing the same table changes nothing', async () => {
    const before = await snapshot();
    const data = await report(t, district, await xlsxOf(rows, { titleRow: '附件1 结对共建、创先争优工作安排表' }), '2026结对表.xlsx');
    expect(data.totals).toMatchObject({ rows: 1000, changedRows: 0, unchangedRows: 1000, errorRows: 0 });
    expect(data.rows).toEqual([]);
    expect(await commitAll(t, district, data.importId)).toEqual([expect.objectContaining({ state: 'committed', applied: 0, total: 0 })]);
    expect(await snapshot()).toEqual(before);
  });

  it('updates an edited table in place: renames, new coordinates, a new partner; copies in step, history kept, no duplicates', async () => {
    const [unit] = await one<{ _id: string; code: string }>('units', { name: '测试单位0003' });
    const gcj = wgs84ToGcj02({ latitude: 22.7, longitude: 114.25 });
    const edited = rows.map((row, index) => {
      if (index === 3) return { ...row, 单位编码: unit!.code, 单位名称: '测试单位0003（更名）' };
      if (index === 4) return { ...row, 纬度: gcj.latitude, 经度: gcj.longitude, 坐标系: 'GCJ-02' };
      if (index === 5) return { ...row, 组织名称: '深圳市新伙伴有限公司', 组织编码: null };
      return row;
    });
    const data = await report(t, district, await xlsxOf(edited), '2026结对表-修改.xlsx');
    expect(data.totals).toMatchObject({ changedRows: 3, unitsCreated: 0, unitsUpdated: 1, orgsCreated: 1, orgsUpdated: 1, pairingsCreated: 1, pairingsEnded: 1 });
    expect(data.rows.map((row) => [row.row, row.unit, row.org, row.pairing])).toEqual([
      [5, 'update', 'unchanged', 'unchanged'],
      [6, 'unchanged', 'update', 'unchanged'],
      [7, 'unchanged', 'create', 'replace'],
    ]);
    await commitAll(t, district, data.importId);
    expect(await t.count('units')).toBe(1000 + t.district.units.length);
    expect(await one('pairings', { unitId: unit!._id })).toEqual([expect.objectContaining({ unitName: '测试单位0003（更名）', endDate: null })]);
    const [org] = await one<{ location: { latitude: number; longitude: number } }>('orgs', { name: '深圳市测试组织0004有限公司' });
    expect(org!.location).toEqual({ latitude: 22.7, longitude: 114.25 });
    const unit5 = await one<{ orgName: string; startDate: string; endDate: string | null }>('pairings', { unitName: '测试单位0005' });
    expect(unit5.map((pairing) => [pairing.orgName, pairing.startDate, pairing.endDate]).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      ['深圳市测试组织0005有限公司', '2026-01-01', '2026-06-09'],
      ['深圳市新伙伴有限公司', '2026-06-10', null],
    ]);
    // And the edited table again: nothing.
    const again = await report(t, district, await xlsxOf(edited), '2026结对表-修改.xlsx');
    expect(again.totals).toMatchObject({ changedRows: 0, unchangedRows: 1000 });
  });

  it('exports the table back, .xlsx and CSV, in the same format; importing the export changes nothing', async () => {
    const xlsx = await t.call(district, 'admin.export', { format: 'xlsx' });
    if (!xlsx.ok) throw new Error(xlsx.error.message);
    expect(xlsx.data).toMatchObject({ fileName: '结对共建工作安排表-2026.xlsx', rows: 1000 + t.district.pairings.length, url: expect.stringContaining('/__local/files/') });
    const content = ((await wxServerSdk().downloadFile({ fileID: xlsx.data.fileId })) as { fileContent: Buffer }).fileContent;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, ...headers]);
    const roundTrip = await report(t, district, content, xlsx.data.fileName);
    expect(roundTrip.totals).toMatchObject({ errorRows: 0, changedRows: 0, unchangedRows: 1000 + t.district.pairings.length });

    const csv = await t.call(district, 'admin.export', { format: 'csv' });
    if (!csv.ok) throw new Error(csv.error.message);
    const csvContent = ((await wxServerSdk().downloadFile({ fileID: csv.data.fileId })) as { fileContent: Buffer }).fileContent;
    expect(csvContent.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csvRoundTrip = await report(t, district, csvContent, csv.data.fileName);
    expect(csvRoundTrip.totals).toMatchObject({ errorRows: 0, changedRows: 0 });
  });
});

describe('formula-looking text', () => {
  it('is stored as text and exported as text, never as a formula', async () => {
    const data = await report(t, district, await xlsxOf([newRow({ 单位名称: '=HYPERLINK("http://evil","点我")', 组织名称: '@SUM(1+1)', 单位联系人: '+张三', 组织地址: '-1+1' })]), '公式样.xlsx');
    expect(data.state).toBe('ready');
    await commitAll(t, district, data.importId);
    const [unit] = await one<{ name: string }>('units', { contactName: '+张三' });
    expect(unit!.name).toBe('=HYPERLINK("http://evil","点我")');

    const xlsx = await t.call(district, 'admin.export', { format: 'xlsx' });
    const csv = await t.call(district, 'admin.export', { format: 'csv' });
    if (!xlsx.ok || !csv.ok) throw new Error('export failed');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(((await wxServerSdk().downloadFile({ fileID: xlsx.data.fileId })) as { fileContent: Buffer }).fileContent as unknown as ArrayBuffer);
    let found = false;
    workbook.worksheets[0]!.eachRow((row) => {
      const cell = row.getCell(2);
      if (String(cell.value).startsWith('=HYPERLINK')) {
        found = true;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }
    });
    expect(found).toBe(true);
    const text = ((await wxServerSdk().downloadFile({ fileID: csv.data.fileId })) as { fileContent: Buffer }).fileContent.toString('utf8');
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    const record = parsed.records.find((fields) => fields[1]?.includes('HYPERLINK'))!;
    expect(record[1]).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(record[7]).toBe("'@SUM(1+1)");
    expect(record[5]).toBe("'+张三");
    expect(record[11]).toBe("'-1+1");
    expect(parsed.records.every((fields) => fields.every((field) => !/^[=+\-@]/.test(field)))).toBe(true);
  });
});

describe('all or nothing', () => {
  const rows = Array.from({ length: 200 }, (_, index) => ({ ...generatedRow(5000 + index), 单位名称: `回滚单位${index}`, 组织名称: `回滚组织${index}` }));

  it('undoes every applied chunk when the data changed after the dry run (a commit failing midway)', async () => {
    const data = await report(t, district, await xlsxOf(rows), '中途失败.xlsx');
    expect(data.chunks).toBeGreaterThan(4);
    // While the office looks at the report, someone creates an org the table creates near its end.
    await db().collection('orgs').add({ data: { _id: 'org-sneaked-in', code: 'OSNEAK', name: '回滚组织190', kind: 'enterprise', streetId: 'street-buji', address: '', location: { latitude: 22.6, longitude: 114.1 }, geofenceMetres: 300, partyMembers: 0, partyOrgForm: 'none', massOrganisations: [] } });
    const before = await snapshot(['units', 'orgs', 'pairings', 'auditTrail']);
    const progress = await commitAll(t, district, data.importId, 2);
    const last = progress.at(-1)!;
    expect(progress.some((step) => step.state === 'committing' && step.applied > 0)).toBe(true);
    expect(last).toMatchObject({ state: 'rolledBack', applied: 0, message: expect.stringMatching(/预检之后“回滚组织190”已被修改或新建/) });
    const after = await snapshot(['units', 'orgs', 'pairings', 'auditTrail']);
    expect(after['units']).toEqual(before['units']);
    expect(after['orgs']).toEqual(before['orgs']);
    expect(after['pairings']).toEqual(before['pairings']);
    // The trail keeps one entry saying the import was undone; none of its rows remain.
    expect((after['auditTrail'] as Array<{ action: string }>).filter((entry) => !(before['auditTrail'] as Array<{ _id: string }>).some((old) => old._id === (entry as unknown as { _id: string })._id)).map((entry) => entry.action)).toEqual(['import.rollback']);
    expect(await t.count('units', { name: '回滚单位0' })).toBe(0);
  });

  it('refuses to create a unit or org that appeared meanwhile under another id (no duplicates)', async () => {
    await db().collection('orgs').doc('org-sneaked-in').remove();
    const data = await report(t, district, await xlsxOf(rows.map((row, index) => ({ ...row, 组织编码: `OROLL${index}` }))), '重复编码.xlsx');
    await db().collection('orgs').add({ data: { _id: 'org-code-thief', code: 'OROLL150', name: '抢先组织', kind: 'enterprise', streetId: 'street-buji', address: '', location: { latitude: 22.6, longitude: 114.1 }, geofenceMetres: 300, partyMembers: 0, partyOrgForm: 'none', massOrganisations: [] } });
    const before = await snapshot(['units', 'orgs', 'pairings']);
    const last = (await commitAll(t, district, data.importId)).at(-1)!;
    expect(last).toMatchObject({ state: 'rolledBack', message: '预检之后“抢先组织”已被修改或新建，请重新上传表格预检' });
    expect(await snapshot(['units', 'orgs', 'pairings'])).toEqual(before);
    await db().collection('orgs').doc('org-code-thief').remove();
  });

  it('undoes everything when a chunk’s transaction itself fails (a new code taken by someone else meanwhile)', async () => {
    const recoded = Array.from({ length: 200 }, (_, index) => ({ ...generatedRow(200 + index), 单位编码: `UREC${200 + index}` }));
    // Rows 200–399 of the committed 1,000-pairing table, each unit given a new code: 200 updates in place.
    const data = await report(t, district, await xlsxOf(recoded.map((row) => ({ ...row, 单位编码: null }))), '原表.xlsx');
    expect(data.totals).toMatchObject({ changedRows: 0 });
    const renumber = await report(t, district, await xlsxOf(recoded), '改编码.xlsx');
    expect(renumber.totals).toMatchObject({ unitsUpdated: 200, unitsCreated: 0 });
    expect(renumber.chunks).toBeGreaterThan(2);
    await db().collection('units').add({ data: { _id: 'unit-code-thief', code: 'UREC350', name: '抢先单位', level: 'districtDirect', streetId: 'street-buji' } });
    const before = await snapshot(['units', 'orgs', 'pairings']);
    const progress = await commitAll(t, district, renumber.importId, 1);
    expect(progress.some((step) => step.state === 'committing' && step.applied >= 2)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ state: 'rolledBack', applied: 0, message: '编码“UREC350”与系统中已有的记录重复（可能是预检之后新建的），导入已撤销' });
    expect(await snapshot(['units', 'orgs', 'pairings'])).toEqual(before);
    expect(await t.count('units', { code: 'UREC200' })).toBe(0);
    await db().collection('units').doc('unit-code-thief').remove();
  });

  it('resumes a commit that stopped between chunks, without applying any chunk twice', async () => {
    const data = await report(t, district, await xlsxOf(rows), '续传.xlsx');
    const first = await t.call(district, 'admin.importCommit', { importId: data.importId, maxChunks: 1 });
    expect(first).toMatchObject({ ok: true, data: { state: 'committing', applied: 1 } });
    // Two tabs pressing on at once: each chunk still applies once.
    await Promise.all([commitAll(t, district, data.importId, 2), commitAll(t, district, data.importId, 3)]);
    expect(await t.call(district, 'admin.importStatus', { importId: data.importId })).toMatchObject({ ok: true, data: { state: 'committed', applied: data.chunks } });
    expect(await t.count('units', { name: '回滚单位0' })).toBe(1);
    expect(await t.count('pairings', { unitName: '回滚单位199' })).toBe(1);
    // Only its creator can see or drive an import.
    expect(await t.call('demo-sunli', 'admin.importStatus', { importId: data.importId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a street office imports its own arrangement', () => {
  it('may pair its own street’s units with its own street’s orgs, and nothing else', async () => {
    const own = newRow({ 单位名称: '龙城街道新机关', 单位层级: '街道机关、事业单位', 单位所在街道: '龙城街道', 组织名称: '龙城新企业', 组织所在街道: '龙城街道' });
    const foreign = newRow({ 单位名称: '布吉新机关', 单位层级: '街道机关、事业单位', 单位所在街道: '布吉街道', 组织名称: '布吉新企业', 组织所在街道: '布吉街道' });
    const data = await report(t, street, csvOf([own, foreign]), '龙城街道安排.csv');
    expect(data.state).toBe('invalid');
    expect(data.rows.find((row) => row.row === 3)?.problems).toEqual([
      { column: '单位所在街道', message: '布吉街道超出您的管理范围' },
      { column: '组织所在街道', message: '布吉街道超出您的管理范围' },
    ]);
    const ok = await report(t, street, csvOf([own]), '龙城街道安排.csv');
    expect(ok).toMatchObject({ state: 'ready', totals: expect.objectContaining({ pairingsCreated: 1 }) });
    await commitAll(t, street, ok.importId);
    expect(await one('pairings', { unitName: '龙城街道新机关' })).toEqual([expect.objectContaining({ arrangedBy: 'street', streetId: 'street-longcheng', unitStreetId: 'street-longcheng' })]);
    const exported = await t.call(street, 'admin.export', { format: 'csv' });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.data.rows).toBeLessThan(50);
  });

  it('offers an empty template with the header and a guide sheet', async () => {
    const template = await t.call(street, 'admin.export', { format: 'xlsx', template: true });
    if (!template.ok) throw new Error(template.error.message);
    expect(template.data).toMatchObject({ rows: 0, fileName: '结对表模板-2026.xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(((await wxServerSdk().downloadFile({ fileID: template.data.fileId })) as { fileContent: Buffer }).fileContent as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['2026年度结对表', '填写说明']);
  });
});
