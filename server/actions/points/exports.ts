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
import { officeScopeOf } from '../../services/points/officeScope';
import type { UnitResult } from '../../services/points/scopedPoints';
import { officeYear, ruleColumns } from './officeYear';
import { unitsYear, visibleUnitYear } from './unitYear';
import { pointsTableWorkbook, recordBookWorkbook, workbookBuffer } from './workbooks';

const offices = ['streetOffice', 'districtOffice'] as const;
/** Record books per call of a chunked export: the page calls again with the next offset and shows progress. */
export const RECORD_BOOKS_PER_CALL = 5;

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
 * points.exportRecordBooks — every unit's record book in the office's scope as Excel files, a few
 * units per call: the page calls again with the next offset and shows the progress (done of total).
 */
export const exportRecordBooks = defineAction({
  name: 'points.exportRecordBooks',
  input: exportRecordBooksInput,
  access: offices,
  async run({ db, cloud, caller, now }, input) {
    const year = input.year ?? yearOf(now).year;
    const scope = officeScopeOf(caller, input.streetId);
    const pairings = await pointsDistrictRepository(db).pairingsOfYearWith(year, ['unitId', 'orgId', 'streetId', 'unitStreetId']);
    const inScope = [...new Set(pairings.filter(scope.includes).map((pairing) => pairing.unitId))].sort();
    if (input.unitIds) {
      const outside = input.unitIds.find((unitId) => !inScope.includes(unitId));
      if (outside) fail('NOT_FOUND', `unit ${outside} not in scope of ${caller.personId}`, { field: 'unitIds', userMessage: '所选单位不在您的范围内' });
    }
    const all = input.unitIds ? [...new Set(input.unitIds)].sort() : inScope;
    const chunk = all.slice(input.offset, input.offset + RECORD_BOOKS_PER_CALL);
    if (chunk.length === 0) return { files: [], done: Math.min(input.offset, all.length), total: all.length };
    const { results, details } = await unitsYear(db, chunk, year, now);
    const files = [];
    for (const result of results) {
      const book = recordBookOf(result, details);
      const workbook = recordBookWorkbook(book, result.points.lines, chinaDateString(now));
      const file = await upload(cloud, `record-books/${year}`, `${year}年度积分行动记录本（${result.unit.name}）.xlsx`, await workbookBuffer(workbook));
      files.push({ ...file, unitId: result.unit._id, unitName: result.unit.name });
    }
    return { files, done: input.offset + chunk.length, total: all.length };
  },
});
