import ExcelJS from 'exceljs';
import type { ActionResult } from '../../src/contract/result';
import type { ImportProgressView, ImportReportView } from '../../src/contract/admin';
import { formatCsvRecord } from '../../src/domain/admin/csv';
import { wxServerSdk } from '../../localcloud/sdk';
import type { TestCloud } from '../support/testCloud';

/** Builders of pairing tables the import tests upload: made here, by the tests, with exceljs. */

export const headers = ['年度', '单位名称', '单位编码', '单位层级', '单位所在街道', '单位联系人', '单位联系电话', '组织名称', '组织编码', '组织类型', '组织所在街道', '组织地址', '纬度', '经度', '坐标系', '党员人数', '党组织形式', '组织联系人', '组织联系电话', '结对开始日期'] as const;
export type Header = (typeof headers)[number];
export type Cell = string | number | null | { formula: string; result?: unknown } | Date;
export type TableRow = Partial<Record<Header, Cell>>;

const streets = ['龙城街道', '龙岗街道', '布吉街道', '坂田街道', '横岗街道'];

/** Row `index` of a large table: a new district unit paired with a new org, coordinates around Longgang. */
export function generatedRow(index: number, year = 2026): TableRow {
  const street = streets[index % streets.length]!;
  return {
    年度: year,
    单位名称: `测试单位${String(index).padStart(4, '0')}`,
    单位层级: '区直单位',
    单位所在街道: street,
    单位联系人: `联系人${index}`,
    单位联系电话: `0755-${String(10000000 + index)}`,
    组织名称: `深圳市测试组织${String(index).padStart(4, '0')}有限公司`,
    组织类型: index % 7 === 0 ? '社会组织' : '非公企业',
    组织所在街道: streets[(index + 2) % streets.length]!,
    组织地址: `深圳市龙岗区测试路${index}号`,
    纬度: Math.round((22.6 + (index % 100) * 0.0013) * 1e6) / 1e6,
    经度: Math.round((114.1 + Math.floor(index / 100) * 0.013) * 1e6) / 1e6,
    坐标系: 'WGS-84',
    党员人数: index % 13,
    党组织形式: index % 13 >= 5 ? '单独建立党组织' : '联合建立党组织',
  };
}

export async function xlsxOf(rows: readonly TableRow[], options: { header?: readonly string[]; merges?: string[]; titleRow?: string; extraSheets?: number } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('结对表');
  const header = options.header ?? headers;
  if (options.titleRow) sheet.addRow([options.titleRow]);
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow(header.map((name) => (row as Record<string, Cell>)[name] ?? null));
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  for (let extra = 0; extra < (options.extraSheets ?? 0); extra += 1) workbook.addWorksheet(`其他${extra}`).addRow(['无关']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvOf(rows: readonly TableRow[], header: readonly string[] = headers): string {
  return [formatCsvRecord([...header]), ...rows.map((row) => formatCsvRecord(header.map((name) => String((row as Record<string, Cell>)[name] ?? ''))))].join('');
}

let serial = 0;
export async function upload(content: Buffer | string, name: string): Promise<string> {
  serial += 1;
  const result = (await wxServerSdk().uploadFile({ cloudPath: `uploads/test/${serial}-${name}`, fileContent: Buffer.isBuffer(content) ? content : Buffer.from(content) })) as { fileID: string };
  return result.fileID;
}

export async function dryRun(t: TestCloud, openid: string, content: Buffer | string, fileName: string): Promise<ActionResult<ImportReportView>> {
  return t.call(openid, 'admin.importDryRun', { fileId: await upload(content, fileName.replace(/[^\w.]/g, '_')), fileName });
}

export async function report(t: TestCloud, openid: string, content: Buffer | string, fileName: string): Promise<ImportReportView> {
  const result = await dryRun(t, openid, content, fileName);
  if (!result.ok) throw new Error(`dry run failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** Calls commit until the import is finished, as the page does; answers every progress seen. */
export async function commitAll(t: TestCloud, openid: string, importId: string, maxChunks?: number): Promise<ImportProgressView[]> {
  const seen: ImportProgressView[] = [];
  for (let call = 0; call < 1000; call += 1) {
    const result = await t.call(openid, 'admin.importCommit', { importId, ...(maxChunks ? { maxChunks } : {}) });
    if (!result.ok) throw new Error(`commit failed: ${result.error.code} ${result.error.message}`);
    seen.push(result.data);
    if (result.data.state !== 'committing' && result.data.state !== 'rollingBack') return seen;
  }
  throw new Error('commit never finished');
}

/** Every document of the collections an import touches, for "nothing changed" comparisons. */
export async function snapshot(collections: readonly string[] = ['units', 'orgs', 'pairings', 'people']): Promise<Record<string, unknown[]>> {
  const db = wxServerSdk().database();
  const out: Record<string, unknown[]> = {};
  for (const name of collections) {
    const all: unknown[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = ((await db.collection(name).orderBy('_id', 'asc').skip(offset).limit(1000).get()) as { data: unknown[] }).data;
      all.push(...page);
      if (page.length < 1000) break;
    }
    out[name] = all;
  }
  return out;
}
