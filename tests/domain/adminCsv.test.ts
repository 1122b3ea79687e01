import { gridFromCsv, looksLikeFormula, neutraliseForCsv, unneutralise } from '../../src/domain/admin/cells';
import { formatCsvRecord, parseCsv } from '../../src/domain/admin/csv';

describe('CSV (RFC 4180)', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and a BOM', () => {
    const text = '\ufeff名称,地址\r\n"华星, 光电","深圳""龙岗""\n龙城"\nA,\r\n';
    expect(parseCsv(text)).toEqual({ ok: true, records: [['名称', '地址'], ['华星, 光电', '深圳"龙岗"\n龙城'], ['A', '']] });
  });

  it('keeps a last record without a line break and empty fields', () => {
    expect(parseCsv('a,,c\n,,')).toEqual({ ok: true, records: [['a', '', 'c'], ['', '', '']] });
    expect(parseCsv('""')).toEqual({ ok: true, records: [['']] });
  });

  it('reports an unclosed quote and a stray quote with the line', () => {
    expect(parseCsv('a,b\n"open,c\n')).toEqual({ ok: false, line: 2, problem: '引号没有闭合' });
    expect(parseCsv('a,b"c\n')).toMatchObject({ ok: false, line: 1 });
    expect(parseCsv('"a"b,c')).toMatchObject({ ok: false, problem: '引号后面紧跟了其他字符' });
  });

  it('round-trips what it writes', () => {
    const fields = ['普通', '有,逗号', '有"引号"', '有\r\n换行', ' 前后空格 ', ''];
    const parsed = parseCsv(formatCsvRecord(fields) + formatCsvRecord(['x']));
    expect(parsed).toEqual({ ok: true, records: [fields, ['x']] });
  });
});

describe('formula-looking text', () => {
  it('is written to CSV with an apostrophe and read back as the same text, never as a formula', () => {
    for (const text of ['=1+1', '+86 755 1234', '-5', '@SUM(A1)', '=HYPERLINK("http://x")']) {
      expect(looksLikeFormula(text)).toBe(true);
      const written = neutraliseForCsv(text);
      expect(written.startsWith("'")).toBe(true);
      expect(unneutralise(written)).toBe(text);
    }
    expect(neutraliseForCsv('区发展和改革局')).toBe('区发展和改革局');
    expect(unneutralise("'普通撇号")).toBe("'普通撇号");
  });

  it('turns CSV records into text cells, blank fields into empty cells', () => {
    expect(gridFromCsv([["'=1+1", ' ', 'a']]).rows[0]).toEqual([{ kind: 'text', text: '=1+1' }, { kind: 'empty' }, { kind: 'text', text: 'a' }]);
  });
});
