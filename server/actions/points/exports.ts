import { randomBytes } from 'node:crypto';
import { exportRecordBooksInput, officeScopeInput, recordBookInput } from '../../../src/contract/points';
import type { ExportedFile, RecordBookView } from '../../../src/contract/points';
import { timelineFor } from '../../../src/domain/points/versions';
import { chinaDateString, inChina } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import type { WxCloud } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import type { RecordDetail } from '../../repositories/pointsRecords';
import { districtName, officeScopeOf } from '../../services/points/officeScope';
import type { UnitResult } from '../../services/points/scopedPoints';
import { officeYear, ruleColumns } from './officeYear';
import { unitsYear, visibleUnitYear } from './unitYear';
import { recordBooksWorkbook } from './recordBooksWorkbook';
import { pointsTableWorkbook, recordBookWorkbook, workbookBuffer } from './workbooks';

const offices = ['streetOffice', 'districtOffice'] as const;
/** Units whose records one read of a record-book export loads (a few requests each, in two round trips). */
export const RECORD_BOOKS_PER_READ = 50;

/** Store a file in cloud storage and answer a temporary link (24 hours). */
async function upload(cloud: WxCloud, folder: string, fileName: string, content: Buffer): Promise<ExportedFile> {
  // The file keeps its Chinese name as the last part of its path, so the download (and the file an
  // office saves) is called what it is, e.g. 2026年度积分表（龙岗区）.xlsx; the random part keeps links unguessable.
  const cloudPath = `exports/${folder}/${randomBytes(8).toString('hex')}/${fileName}`;
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  const links = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 86_400 }] })) as { fileList: Array<{ tempFileURL: string }> };
  const url = links.fileList[0]?.tempFileURL;
  if (!url) throw new Error(`no temporary URL for ${fileID}`);
  return { fileID, url, fileName };
}

const participantsText = (detail: RecordDetail) => {
  const side = (value: { count: number; names: readonly string[] }) => `${value.count}人${value.names.length > 0 ? `（${value.names.join('、')}）` : ''}`;
  return `单位 ${side(detail.participants.unit)}；组织 ${side(detail.participants.org)}`;
};

export function recordBookOf(result: UnitResult, details: readonly RecordDetail[]): RecordBookView {
  const pairingIds = new Set(result.pairings.map((pairing) => pairing._id));
  const pointsByRecord = new Map<string, number>();
  for (const line of result.points.lines) {
    if (line.source.type === 'record') pointsByRecord.set(line.source.recordId, (pointsByRecord.get(line.source.recordId) ?? 0) + line.points);
  }
  return {
    year: result.points.year,
    unitId: result.unit._id,
    unitName: result.unit.name,
    pairings: result.pairings.map((pairing) => ({ id: pairing._id, orgName: pairing.orgName, startDate: pairing.startDate, endDate: pairing.endDate })),
    entries: details
      .filter((detail) => pairingIds.has(detail.pairingId))
      .map((detail) => ({
        recordId: detail._id,
        date: detail.date,
        kind: detail.kind,
        orgName: detail.orgName,
        contentAreas: detail.contentAreas,
        content: detail.content,
        results: detail.results,
        participants: participantsText(detail),
        state: detail.state,
        paper: detail.paper,
        confirmedBy: detail.confirmed?.byName ?? null,
        confirmedAt: detail.confirmed ? inChina(new Date(detail.confirmed.at)).format('YYYY-MM-DD HH:mm') : null,
        points: Math.round((pointsByRecord.get(detail._id) ?? 0) * 100) / 100,
      })),
    totals: result.points.totals,
    calendar: result.points.calendar,
  };
}

/** points.exportTable — the points table of the office's scope as an Excel file to file and print. */
export const exportTable = defineAction({
  name: 'points.exportTable',
  input: officeScopeInput,
  access: offices,
  async run({ db, cloud, caller, now }, input) {
    const office = await officeYear(db, caller, input, now);
    const workbook = pointsTableWorkbook({
      title: `${office.scopeName}${office.year}年度结对共建积分表`,
      generatedOn: chinaDateString(now),
      rankingsOn: office.rankingsOn,
      columns: ruleColumns(office.scoped, office.rows, now),
      rows: office.rows,
      versions: timelineFor(office.year, office.scoped.config.ruleSets, null).versions,
    });
    const file = await upload(cloud, `points/${office.year}`, `${office.year}年度积分表（${office.scopeName}）.xlsx`, await workbookBuffer(workbook));
    return { ...file, rows: office.rows.length };
  },
});

/** points.recordBook — a unit's record book (积分行动记录本) with each record's points, for the printable page. */
export const recordBook = defineAction({
  name: 'points.recordBook',
  input: recordBookInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const { result, details } = await visibleUnitYear(db, caller, input.unitId, input.year ?? yearOf(now).year, now);
    return recordBookOf(result, details);
  },
});

/**
 * points.exportRecordBooks — the record books of the office's scope (or of the chosen units) as one
 * workbook: one sheet per unit after a 目录 sheet, named e.g. 2026年度积分行动记录本（龙城街道）.xlsx;
 * one unit alone gets its full book (records, 积分明细, 年度节奏). Units are read
 * `RECORD_BOOKS_PER_READ` at a time (each read a few requests), all in one call: the page shows 正在生成.
 * `offset` skips units already exported (kept for callers that page; the answer is done = total).
 */
export const exportRecordBooks = defineAction({
  name: 'points.exportRecordBooks',
  input: exportRecordBooksInput,
  access: offices,
  async run({ db, cloud, caller, now }, input) {
    const year = input.year ?? yearOf(now).year;
    const scope = officeScopeOf(caller, input.streetId);
    const district = pointsDistrictRepository(db);
    const pairings = await district.pairingsOfYearWith(year, ['unitId', 'orgId', 'streetId', 'unitStreetId']);
    const inScope = [...new Set(pairings.filter(scope.includes).map((pairing) => pairing.unitId))].sort();
    if (input.unitIds) {
      const outside = input.unitIds.find((unitId) => !inScope.includes(unitId));
      if (outside) fail('NOT_FOUND', `unit ${outside} not in scope of ${caller.personId}`, { field: 'unitIds', userMessage: '所选单位不在您的范围内' });
    }
    const all = input.unitIds ? [...new Set(input.unitIds)].sort() : inScope;
    const wanted = all.slice(input.offset);
    if (wanted.length === 0) return { files: [], done: all.length, total: all.length };
    const generatedOn = chinaDateString(now);
    if (wanted.length === 1) {
      const { results, details } = await unitsYear(db, wanted, year, now);
      const result = results[0];
      if (!result) fail('NOT_FOUND', `unit ${wanted[0]} has no pairing in ${year}`, { userMessage: '该单位本年度没有结对' });
      const workbook = recordBookWorkbook(recordBookOf(result, details), result.points.lines, generatedOn);
      const file = await upload(cloud, `record-books/${year}`, `${year}年度积分行动记录本（${result.unit.name}）.xlsx`, await workbookBuffer(workbook));
      return { files: [{ ...file, unitId: result.unit._id, unitName: result.unit.name }], done: all.length, total: all.length };
    }
    const books: RecordBookView[] = [];
    for (let start = 0; start < wanted.length; start += RECORD_BOOKS_PER_READ) {
      const { results, details } = await unitsYear(db, wanted.slice(start, start + RECORD_BOOKS_PER_READ), year, now);
      books.push(...results.map((result) => recordBookOf(result, details)));
    }
    const scopeName = input.unitIds ? `${books.length}个单位` : await scopeNameOf(district, caller, scope);
    const title = `${scopeName}${year}年度结对共建、创先争优工作积分行动记录本`;
    const workbook = recordBooksWorkbook({ title, generatedOn, books: [...books].sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')) });
    const file = await upload(cloud, `record-books/${year}`, `${year}年度积分行动记录本（${scopeName}）.xlsx`, await workbookBuffer(workbook));
    return { files: [{ ...file, unitId: '', unitName: scopeName }], done: all.length, total: all.length };
  },
});

/** The district's name, or the street offices' streets (龙城街道、龙岗街道). */
async function scopeNameOf(district: ReturnType<typeof pointsDistrictRepository>, caller: Parameters<typeof districtName>[0], scope: ReturnType<typeof officeScopeOf>): Promise<string> {
  if (scope.kind === 'district') return districtName(caller);
  const names = new Map((await district.streets()).map((street) => [street._id, street.name]));
  return scope.streetIds.map((id) => names.get(id) ?? id).join('、');
}
