import { chunkPlan } from '../../src/domain/admin/importJob';
import { exportRows } from '../../src/domain/admin/exportTable';
import { planImport } from '../../src/domain/admin/importPlan';
import type { ImportScope } from '../../src/domain/admin/importTypes';
import { subjectOf } from '../../src/domain/access/policy';
import { parseTable } from '../../src/domain/admin/parseTable';
import { tableColumns } from '../../src/domain/admin/tableFormat';
import { wgs84ToGcj02 } from '../../src/domain/admin/coordinates';
import { applied, context, current, grid, header, row } from './adminImportFixtures';

const district: ImportScope = subjectOf([{ role: 'districtOffice', scopeId: 'district', approved: true }]);
const buji: ImportScope = subjectOf([{ role: 'streetOffice', scopeId: 'street-buji', approved: true }]);

const plan = (rows: Parameters<typeof grid>[0], scope = district, data = current()) => planImport(parseTable(grid(rows)), data, scope, context());
const problemsOf = (result: ReturnType<typeof plan>, rowNumber: number) => result.rows.find((report) => report.row === rowNumber)?.problems.map((problem) => `${problem.column ?? ''}:${problem.message}`) ?? [];

describe('reading the pairing table', () => {
  it('finds the header under a title row and maps aliases; ignores unknown columns with a warning', () => {
    const parsed = parseTable(grid([['附件1 结对共建工作安排表'], ['年份', '机关事业单位', '结对组织', '备注'], [2026, '区教育局', '空闲组织有限公司', '随便写']]));
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.warnings).toEqual(['“备注”（D 列）不是结对表的列，已忽略']);
    expect(parsed.rows).toEqual([expect.objectContaining({ row: 3, values: { year: 2026, unitName: '区教育局', orgName: '空闲组织有限公司' }, problems: [] })]);
  });

  it('refuses a file without the table’s header, with missing or repeated columns, or a merged header', () => {
    expect(parseTable(grid([['姓名', '电话'], ['张三', '123']])).fileProblems[0]).toMatch(/找不到表头/);
    expect(parseTable(grid([['单位名称', '组织名称'], ['a', 'b']])).fileProblems).toEqual(['缺少必需的列：“年度”']);
    expect(parseTable(grid([['年度', '单位名称', '组织名称', '单位名称'], [2026, 'a', 'b', 'c']])).fileProblems).toEqual(['“单位名称”列出现了两次（B 列和 D 列）']);
    expect(parseTable(grid([['年度', '单位名称', '组织名称'], [2026, 'a', 'b']], [{ top: 1, left: 1, bottom: 1, right: 2 }])).fileProblems[0]).toMatch(/表头有合并单元格（A1:B1）/);
    expect(parseTable(grid([['年度', '单位名称', '组织名称']])).fileProblems).toEqual(['表格中没有数据行']);
  });

  it('skips blank rows, and reports text in number columns, formulas, error values, unknown choices and bad dates cell by cell', () => {
    const parsed = parseTable(
      grid([
        header,
        row(),
        row({ 年度: ' ', 单位名称: '', 组织名称: null, 单位层级: null, 单位所在街道: null, 单位联系人: null, 单位联系电话: null, 组织类型: null, 组织所在街道: null, 组织地址: null, 纬度: null, 经度: null, 坐标系: null, 党员人数: null, 党组织形式: null, 组织联系人: null, 组织联系电话: null }),
        row({ 党员人数: '十二', 纬度: '北纬22度', 单位层级: '区级', 结对开始日期: '2026-02-30' }),
        row({ 经度: { kind: 'formula', formula: 'B2*2' }, 党员人数: { kind: 'error', text: '#N/A' }, 单位联系电话: '电话号码' }),
        row({ 结对开始日期: '2026年3月1日', 党员人数: '１２', 单位名称: '=HYPERLINK("http://x")' }),
      ]),
    );
    expect(parsed.blankRows).toBe(1);
    expect(parsed.warnings).toEqual(['跳过了 1 个空行']);
    const problems = (n: number) => parsed.rows.find((candidate) => candidate.row === n)!.problems.map((problem) => `${problem.column}:${problem.message}`);
    expect(problems(4)).toEqual([
      expect.stringMatching(/^单位层级:“区级”不是可选的值，可填：区直单位、/),
      '纬度:应填数字（度，如 22.7205），现为“北纬22度”',
      '党员人数:应填整数，现为“十二”',
      '结对开始日期:“2026-02-30”不是真实的日期',
    ]);
    expect(problems(5)).toEqual([
      expect.stringMatching(/^单位联系电话:“电话号码”不是电话号码/),
      expect.stringMatching(/^经度:是公式，系统不计算公式/),
      '党员人数:是错误值（#N/A），请改正',
    ]);
    expect(parsed.rows.find((candidate) => candidate.row === 6)!).toMatchObject({ problems: [], values: { startDate: '2026-03-01', partyMembers: 12, unitName: '=HYPERLINK("http://x")' } });
  });

  it('reports merged cells in data rows on every row they cover', () => {
    const parsed = parseTable(grid([header, row(), row({ 单位所在街道: null })], [{ top: 2, left: 5, bottom: 3, right: 5 }]));
    expect(parsed.rows.map((candidate) => candidate.problems)).toEqual([
      [{ column: '单位所在街道', message: '是合并单元格（E2:E3），请取消合并并在每一行填写' }],
      [{ column: '单位所在街道', message: '是合并单元格（E2:E3），请取消合并并在每一行填写' }],
    ]);
  });
});

describe('the dry run', () => {
  it('plans a new unit, org and pairing from a complete row, with an audit entry', () => {
    const result = plan([header, row()]);
    expect(result.canCommit).toBe(true);
    expect(result.rows).toEqual([expect.objectContaining({ row: 2, unit: 'create', org: 'create', pairing: 'create', problems: [] })]);
    expect(result.totals).toMatchObject({ rows: 1, changedRows: 1, unitsCreated: 1, orgsCreated: 1, pairingsCreated: 1, pairingsEnded: 0 });
    const pairing = result.ops.find((op) => op.collection === 'pairings')!.after;
    expect(pairing).toMatchObject({ year: 2026, unitName: '区新单位', orgName: '深圳市新组织有限公司', streetId: 'street-buji', unitStreetId: 'street-longcheng', arrangedBy: 'district', startDate: '2026-01-01', endDate: null });
    expect(result.audit).toEqual([expect.objectContaining({ _id: 'audit-import-test-2', action: 'import.row', streetIds: ['street-longcheng', 'street-buji'], note: '导入“结对表.xlsx”第 2 行' })]);
  });

  it('plans nothing when the same table is imported again (idempotent)', () => {
    const rows = [header, row(), row({ 单位名称: '区教育局', 单位编码: null, 组织名称: '空闲组织有限公司', 组织所在街道: '龙城街道', 纬度: 22.7, 经度: 114.2 })];
    const first = plan(rows);
    expect(first.canCommit).toBe(true);
    const second = plan(rows, district, applied(current(), first));
    expect(second.ops).toEqual([]);
    expect(second.audit).toEqual([]);
    expect(second.totals).toMatchObject({ rows: 2, changedRows: 0, unchangedRows: 2 });
    expect(second.rows.map((report) => [report.unit, report.org, report.pairing])).toEqual([
      ['unchanged', 'unchanged', 'unchanged'],
      ['unchanged', 'unchanged', 'unchanged'],
    ]);
  });

  it('updates in place when a code keeps its entity and the name changes, keeping every pairing’s copies in step', () => {
    const result = plan([header, row({ 单位名称: '区发展和改革委员会', 单位编码: 'U001', 组织名称: '深圳华星光电科技有限公司', 组织所在街道: null, 纬度: null, 经度: null })]);
    expect(result.canCommit).toBe(true);
    expect(result.rows[0]).toMatchObject({ unit: 'update', org: 'update', pairing: 'unchanged', notes: ['单位将由“区发展和改革局”更名为“区发展和改革委员会”'] });
    const pairings = result.ops.filter((op) => op.collection === 'pairings');
    expect(pairings.map((op) => [op.id, op.after['unitName']])).toEqual([
      ['pairing-2026-001', '区发展和改革委员会'],
      ['pairing-2025-001', '区发展和改革委员会'],
    ]);
    expect(result.ops.filter((op) => op.collection === 'units')).toHaveLength(1);
    expect(result.totals).toMatchObject({ unitsCreated: 0, unitsUpdated: 1, pairingsCreated: 0 });
  });

  it('ends the old pairing and starts a new one when a unit changes partner mid-year', () => {
    const edited = [header, row({ 单位名称: '区发展和改革局', 组织名称: '空闲组织有限公司', 组织所在街道: null, 纬度: null, 经度: null, 单位层级: null, 单位所在街道: null, 单位联系人: null, 单位联系电话: null, 组织类型: null, 组织地址: null, 坐标系: null, 党员人数: null, 党组织形式: null, 组织联系人: null, 组织联系电话: null })];
    const result = plan(edited);
    expect(result.canCommit).toBe(true);
    expect(result.rows[0]).toMatchObject({ unit: 'unchanged', org: 'unchanged', pairing: 'replace', notes: ['原结对（与“深圳华星光电科技有限公司”）将于 2026-06-09 结束，记录保留'] });
    const ended = result.ops.find((op) => op.id === 'pairing-2026-001')!;
    expect(ended.after).toMatchObject({ endDate: '2026-06-09', orgId: 'org-001' });
    const started = result.ops.find((op) => op.collection === 'pairings' && op.before === null)!;
    expect(started.after).toMatchObject({ unitId: 'unit-001', orgId: 'org-003', startDate: '2026-06-10', endDate: null });
    expect(result.totals).toMatchObject({ pairingsCreated: 1, pairingsEnded: 1, pairingsUpdated: 0 });
    // Importing the same edited table again changes nothing.
    expect(planImport(parseTable(grid(edited)), applied(current(), result), district, context()).ops).toEqual([]);
  });

  it('reports unknown streets, duplicate orgs, a unit paired twice, duplicate rows, and blocks the commit', () => {
    const result = plan([
      header,
      row({ 单位所在街道: '火星街道' }),
      row({ 单位名称: '区甲单位', 组织名称: '深圳市重复组织有限公司' }),
      row({ 单位名称: '区乙单位', 组织名称: '深圳市重复组织有限公司' }),
      row({ 单位名称: '区丙单位', 组织名称: '深圳市丙组织有限公司' }),
      row({ 单位名称: '区丙单位', 组织名称: '深圳市丁组织有限公司' }),
      row({ 单位名称: '区戊单位', 组织名称: '深圳市戊组织有限公司' }),
      row({ 单位名称: '区戊单位', 组织名称: '深圳市戊组织有限公司' }),
    ]);
    expect(result.canCommit).toBe(false);
    expect(result.ops).toEqual([]);
    expect(problemsOf(result, 2)).toEqual([expect.stringMatching(/^单位所在街道:未知街道“火星街道”，可填：龙城街道、布吉街道/)]);
    expect(problemsOf(result, 4)).toEqual(['组织名称:组织“深圳市重复组织有限公司”在第 3 行已出现：一个组织同一年度只结对一个单位']);
    expect(problemsOf(result, 6)).toEqual(['单位名称:单位“区丙单位”在第 5 行已出现：一个单位同一年度只结对一个组织']);
    expect(problemsOf(result, 8)).toEqual([':与第 7 行完全相同（重复行），请删除其中一行']);
    expect(result.totals).toMatchObject({ rows: 7, errorRows: 4 });
    expect(result.rows.find((report) => report.row === 3)).toMatchObject({ problems: [] });
  });

  it('reports missing and impossible coordinates, and converts GCJ-02 ones', () => {
    const gcj = wgs84ToGcj02({ latitude: 22.6036, longitude: 114.1231 });
    const result = plan([
      header,
      row({ 纬度: null, 经度: null }),
      row({ 单位名称: '区二', 组织名称: '二公司', 纬度: 114.1231, 经度: 22.6036 }),
      row({ 单位名称: '区三', 组织名称: '三公司', 纬度: 0, 经度: 0 }),
      row({ 单位名称: '区四', 组织名称: '四公司', 经度: null }),
    ]);
    expect(problemsOf(result, 2)).toEqual(['纬度:新组织须填写纬度和经度（用于到访签到）']);
    expect(problemsOf(result, 3)).toEqual([expect.stringMatching(/^纬度:纬度和经度好像填反了/)]);
    expect(problemsOf(result, 4)).toEqual([expect.stringMatching(/^纬度:经纬度不在中国大陆范围内/)]);
    expect(problemsOf(result, 5)).toEqual(['经度:纬度和经度要一起填写']);
    const converted = plan([header, row({ 纬度: gcj.latitude, 经度: gcj.longitude, 坐标系: 'GCJ-02' })]);
    expect(converted.ops.find((op) => op.collection === 'orgs')!.after['location']).toEqual({ latitude: 22.6036, longitude: 114.1231 });
    expect(converted.rows[0]!.notes).toContain('坐标按 GCJ-02 换算为 WGS-84 保存');
  });

  it('refuses an org already paired this year with a unit the table does not mention', () => {
    const result = plan([header, row({ 组织名称: '布吉物流有限公司', 组织所在街道: null })]);
    expect(problemsOf(result, 2)).toEqual(['组织名称:组织“布吉物流有限公司”2026 年度已与“布吉街道办”结对：一个组织同一年度只结对一个单位']);
    // When the table also gives that unit another org, the org is free to move.
    const moved = plan([header, row({ 组织名称: '布吉物流有限公司', 组织所在街道: null }), row({ 单位名称: '布吉街道办', 组织名称: '空闲组织有限公司', 组织所在街道: null })]);
    expect(moved.canCommit).toBe(true);
    expect(moved.totals).toMatchObject({ pairingsCreated: 2, pairingsEnded: 1 });
  });

  it('keeps a street office to its own street', () => {
    const result = plan([header, row({ 单位名称: '布吉街道办', 单位所在街道: null, 组织名称: '深圳华星光电科技有限公司', 组织所在街道: null }), row({ 单位名称: '布吉新单位', 单位所在街道: '布吉街道', 单位层级: '街道机关、事业单位', 组织名称: '布吉新公司' })], buji);
    expect(problemsOf(result, 2)).toContain('组织名称:组织“深圳华星光电科技有限公司”属于龙城街道，超出您的管理范围');
    expect(problemsOf(result, 2)).not.toContainEqual(expect.stringMatching(/^单位/));
    expect(problemsOf(result, 3)).toEqual([]);
    expect(result.rows.find((report) => report.row === 3)).toMatchObject({ unit: 'create', org: 'create', pairing: 'create' });
    expect(plan([header, row()], buji).rows[0]!.problems).toEqual([{ column: '单位所在街道', message: '龙城街道超出您的管理范围' }]);
  });

  it('checks the year, codes and names', () => {
    const result = plan([header, row({ 年度: 2026 }), row({ 年度: 2027, 单位名称: 'x', 组织名称: 'y' }), row({ 单位名称: '区教育局', 单位编码: 'U001', 组织名称: 'z' })]);
    expect(problemsOf(result, 3)).toEqual(['年度:年度（2027）与表中第一行（2026）不一致：一次只导入一个年度']);
    expect(problemsOf(result, 4)).toEqual([expect.stringMatching(/^单位编码:编码“U001”属于“区发展和改革局”，名称“区教育局”却是另一个/)]);
    expect(problemsOf(plan([header, row({ 年度: 2020 })]), 2)).toEqual(['年度:只能导入 2025–2027 年度的结对表']);
  });
});

describe('chunks and export', () => {
  it('keeps each row’s operations in one chunk', () => {
    const rows = [header, ...Array.from({ length: 50 }, (_, index) => row({ 单位名称: `区单位${index}`, 组织名称: `组织${index}` }))];
    const result = plan(rows);
    const chunks = chunkPlan(result.ops, result.audit, 10);
    expect(chunks.flatMap((chunk) => chunk.ops)).toHaveLength(150);
    expect(chunks.every((chunk) => chunk.ops.length <= 10)).toBe(true);
    for (const chunk of chunks) {
      const rowsOfChunk = new Set(chunk.ops.map((op) => op.row));
      for (const other of chunks.filter((candidate) => candidate !== chunk)) expect(other.ops.some((op) => rowsOfChunk.has(op.row))).toBe(false);
      expect(chunk.audit).toHaveLength(rowsOfChunk.size);
    }
  });

  it('exports the year’s running pairings in the import format: importing the export changes nothing', () => {
    const first = plan([header, row(), row({ 单位名称: '区教育局', 组织名称: '空闲组织有限公司', 组织所在街道: null, 纬度: null, 经度: null })]);
    const data = applied(current(), first);
    const exported = exportRows(2026, data.pairings, data.units, data.orgs, data.streets);
    expect(exported).toHaveLength(4);
    const rows = [tableColumns.map((column) => column.header), ...exported.map((item) => tableColumns.map((column) => item[column.key]))];
    const again = planImport(parseTable(grid(rows)), data, district, context());
    expect(again.canCommit).toBe(true);
    expect(again.ops).toEqual([]);
    expect(again.totals.unchangedRows).toBe(4);
  });
});
