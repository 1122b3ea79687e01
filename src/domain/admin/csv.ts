/**
 * CSV as RFC 4180 describes it: fields separated by commas, records by CRLF (a lone LF or CR is
 * accepted too), fields containing commas, quotes or line breaks enclosed in double quotes, a quote
 * inside a quoted field written twice. A leading byte-order mark is ignored.
 */
export type CsvParse = { readonly ok: true; readonly records: string[][] } | { readonly ok: false; readonly line: number; readonly problem: string };

export function parseCsv(text: string): CsvParse {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let index = 0;
  let quotedFieldEnded = false;
  const endField = () => {
    record.push(field);
    field = '';
    quotedFieldEnded = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (index < source.length) {
    const char = source[index]!;
    if (char === '"' && field === '' && !quotedFieldEnded) {
      // A quoted field: runs to the next lone quote.
      const startLine = line;
      index += 1;
      for (;;) {
        if (index >= source.length) return { ok: false, line: startLine, problem: '引号没有闭合' };
        const inner = source[index]!;
        if (inner === '"') {
          if (source[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (inner === '\n') line += 1;
        field += inner;
        index += 1;
      }
      quotedFieldEnded = true;
      const next = source[index];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') return { ok: false, line, problem: '引号后面紧跟了其他字符' };
      continue;
    }
    if (char === ',') {
      endField();
      index += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      index += char === '\r' && source[index + 1] === '\n' ? 2 : 1;
      line += 1;
      continue;
    }
    if (char === '"') return { ok: false, line, problem: '未加引号的内容中出现了引号' };
    field += char;
    index += 1;
  }
  if (field !== '' || record.length > 0 || quotedFieldEnded) endRecord();
  return { ok: true, records };
}

/** One CSV record, quoting only the fields that need it; records end with CRLF. */
export function formatCsvRecord(fields: readonly string[]): string {
  return `${fields.map((value) => (/[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',')}\r\n`;
}
