import ExcelJS from 'exceljs';
import type { ImportProgressView, ImportReportView } from '../../src/contract/admin';
import type { ActionResult } from '../../src/contract/result';
import { yearOf } from '../../src/domain/time/periods';
import { wxServerSdk } from '../../localcloud/sdk';
import { openLocalCloud } from '../open-local-cloud';
import { seedDemoDistrict } from '../seed/seed';
import { median } from './stats';
import type { Figure } from './stats';

const ROUNDS = 3;
const PAIRINGS = 1000;
const streets = ['龙城街道', '龙岗街道', '布吉街道', '坂田街道', '横岗街道'];

/** A pairing table of 1,000 new district units, each paired with a new org (what a district starts a year with). */
async function pairingTable(year: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('结对表');
  sheet.addRow(['年度', '单位名称', '单位层级', '单位所在街道', '单位联系人', '单位联系电话', '组织名称', '组织类型', '组织所在街道', '组织地址', '纬度', '经度', '坐标系', '党员人数']);
  for (let index = 0; index < PAIRINGS; index += 1) {
    sheet.addRow([
      year,
      `基准单位${String(index).padStart(4, '0')}`,
      '区直单位',
      streets[index % 5],
      `联系人${index}`,
      `0755-${10000000 + index}`,
      `深圳市基准组织${String(index).padStart(4, '0')}有限公司`,
      '非公企业',
      streets[(index + 2) % 5],
      `测试路${index}号`,
      Math.round((22.6 + (index % 100) * 0.0013) * 1e6) / 1e6,
      Math.round((114.1 + Math.floor(index / 100) * 0.013) * 1e6) / 1e6,
      'WGS-84',
      index % 13,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

/**
 * `npm run bench -- admin`: the pairing-table import at district scale on the local cloud — the dry
 * run (download, parse, compare, store the plan), the all-or-nothing commit (until committed), and
 * the dry run of the same table again (everything unchanged). Medians of fresh clouds.
 */
export async function adminImportFigures(): Promise<Figure[]> {
  const samples = { dryRun: [] as number[], commit: [] as number[], again: [] as number[], requests: [] as number[], chunks: [] as number[] };
  const year = yearOf(new Date()).year;
  const table = await pairingTable(year);
  for (let round = 0; round < ROUNDS; round += 1) {
    const cloud = openLocalCloud({ dataDir: null, functionsFrom: 'source' });
    try {
      await seedDemoDistrict(wxServerSdk().database(), new Date());
      const call = async <T>(action: string, input: unknown): Promise<T> => {
        const result = (await cloud.callAs('demo-zhoutao', 'admin', { action, input })) as ActionResult<T>;
        if (!result.ok) throw new Error(`${action}: ${result.error.code} ${result.error.message}`);
        return result.data;
      };
      const { fileID } = (await wxServerSdk().uploadFile({ cloudPath: `bench/${round}.xlsx`, fileContent: table })) as { fileID: string };
      const [report, dryRunMs] = await timed(() => call<ImportReportView>('admin.importDryRun', { fileId: fileID, fileName: '结对表.xlsx' }));
      if (report.state !== 'ready' || report.totals?.pairingsCreated !== PAIRINGS) throw new Error(`unexpected dry run: ${report.state}`);
      cloud.db.resetStats();
      const [, commitMs] = await timed(async () => {
        for (;;) {
          const progress = await call<ImportProgressView>('admin.importCommit', { importId: report.importId });
          if (progress.state === 'committed') return;
          if (progress.state !== 'committing') throw new Error(`commit ended ${progress.state}: ${progress.message}`);
        }
      });
      samples.requests.push(cloud.db.stats.requests);
      samples.chunks.push(report.chunks);
      const [again, againMs] = await timed(() => call<ImportReportView>('admin.importDryRun', { fileId: fileID, fileName: '结对表.xlsx' }));
      if (again.totals?.unchangedRows !== PAIRINGS) throw new Error('re-import was not unchanged');
      samples.dryRun.push(dryRunMs);
      samples.commit.push(commitMs);
      samples.again.push(againMs);
    } finally {
      cloud.close();
    }
  }
  const ms = (value: number) => Math.round(value);
  return [
    { name: 'import 1,000 pairings: dry run (parse .xlsx, compare, store plan)', value: ms(median(samples.dryRun)), unit: 'ms (median)' },
    { name: 'import 1,000 pairings: commit, all or nothing', value: ms(median(samples.commit)), unit: 'ms (median)' },
    { name: 'import 1,000 pairings: dry run of the same table again (nothing changes)', value: ms(median(samples.again)), unit: 'ms (median)' },
    { name: 'import 1,000 pairings: commit transactions (chunks)', value: median(samples.chunks), unit: 'chunks' },
    { name: 'import 1,000 pairings: database requests of the commit', value: median(samples.requests), unit: 'requests (median)' },
  ];
}
