import { generateBulletinInput } from '../../../src/contract/points';
import { isDistrictOffice, streetIdsOf } from '../../../src/domain/access/scope';
import type { GoodPracticeCandidate, UnitQuarterInput } from '../../../src/domain/bulletins/quarterly';
import { draftQuarterlyBulletin, editOf } from '../../../src/domain/bulletins/quarterly';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { boundsOf } from '../../../src/domain/time/periods';
import type { RecordDocument, StreetDocument } from '../../db/documents';
import type { BulletinDocument } from '../../db/pointsDocuments';
import { getById } from '../../db/ops';
import { findEvery } from '../../db/paginate';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { scopedPoints } from '../points/compute';
import { districtName } from '../points/scope';
import { bulletinView } from './views';

type CandidateRow = Pick<RecordDocument, '_id' | 'pairingId' | 'unitId' | 'unitName' | 'orgName' | 'kind' | 'date' | 'contentAreas' | 'content' | 'results' | 'participants'>;

export const bulletinId = (streetId: string | null, year: number, quarter: number) => `${streetId ?? 'district'}-${year}-q${quarter}`;

/**
 * bulletins.generate — draft the quarter's inspection bulletin from the data: each unit's cadence,
 * good practices chosen among the quarter's confirmed records, units to praise and units behind.
 * Redrafting replaces a draft; a published bulletin stays as published.
 */
export const generateBulletin = defineAction({
  name: 'bulletins.generate',
  input: generateBulletinInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const streetId = input.streetId ?? null;
    if (streetId === null ? !isDistrictOffice(caller.grants) : !streetIdsOf(caller.grants).includes(streetId)) {
      fail('FORBIDDEN', `person ${caller.personId} may not write the bulletin of ${streetId ?? 'district'}`, {
        userMessage: streetId === null ? '区级通报由区委党群共建办编写' : '只能编写本街道的通报',
      });
    }
    const { start, end } = boundsOf({ kind: 'quarter', year: input.year, quarter: input.quarter });
    if (now.getTime() < start.getTime()) fail('INVALID_INPUT', `quarter ${input.year}-Q${input.quarter} not started`, { field: 'quarter', userMessage: '该季度尚未开始，不能生成通报' });
    const id = bulletinId(streetId, input.year, input.quarter);
    const [existing, street] = await Promise.all([
      getById<BulletinDocument>(db.collection('bulletins'), id),
      streetId ? getById<StreetDocument>(db.collection('streets'), streetId) : Promise.resolve(undefined),
    ]);
    if (existing?.state === 'published') fail('CONFLICT', `bulletin ${id} already published`, { userMessage: '本季度通报已发布，不能重新生成' });
    if (streetId && !street) fail('NOT_FOUND', `street ${streetId} not found`, { field: 'streetId', userMessage: '街道不存在' });

    const scoped = await scopedPoints(db, input.year, streetId ? { kind: 'street', streetIds: [streetId] } : { kind: 'district' }, now);
    const first = chinaDateString(start);
    const last = chinaDateString(end.getTime() - 1);
    const _ = db.command;
    const unitIds = scoped.results.map((result) => result.unit._id);
    const rows =
      unitIds.length === 0
        ? []
        : await findEvery<CandidateRow>(
            db
              .collection('records')
              .where({
                ...(streetId ? { unitId: _.in(unitIds) } : { year: input.year }),
                state: 'confirmed',
                kind: _.in(['quarterlyActivity', 'openDay', 'otherWork', 'festivalVisit', 'annualSummary']),
                date: _.and(_.gte(first), _.lte(last)),
              })
              .field({ _id: 1, pairingId: 1, unitId: 1, unitName: 1, orgName: 1, kind: 1, date: 1, contentAreas: 1, content: 1, results: 1, participants: 1 }),
          );
    const inQuarter = (date: string) => date >= first && date <= last;
    const achievementsByRecord = new Map<string, number>();
    const units: UnitQuarterInput[] = scoped.results.map((result) => {
      const achievements = result.points.lines.filter((line) => line.ruleKey.startsWith('achievement.') && line.points > 0 && inQuarter(line.date));
      for (const line of achievements) if (line.source.type === 'record') achievementsByRecord.set(line.source.recordId, (achievementsByRecord.get(line.source.recordId) ?? 0) + 1);
      return { unitId: result.unit._id, unitName: result.unit.name, calendar: result.points.calendar, achievements: achievements.length };
    });
    const unitNames = new Map(scoped.results.map((result) => [result.unit._id, result.unit.name]));
    const candidates: GoodPracticeCandidate[] = rows
      .filter((row) => unitNames.has(row.unitId))
      .map((row) => ({
        recordId: row._id,
        unitId: row.unitId,
        unitName: unitNames.get(row.unitId) ?? row.unitName,
        orgName: row.orgName,
        kind: row.kind,
        date: row.date,
        contentAreas: row.contentAreas,
        content: row.content,
        results: row.results,
        participants: row.participants.unit.count + row.participants.org.count,
        achievements: achievementsByRecord.get(row._id) ?? 0,
      }));
    const scopeName = street?.name ?? districtName(caller);
    const generated = draftQuarterlyBulletin({ scopeName, year: input.year, quarter: input.quarter, units, candidates });
    const document: BulletinDocument = {
      _id: id,
      scopeKey: streetId ?? 'district',
      streetId,
      scopeName,
      year: input.year,
      quarter: input.quarter,
      state: 'draft',
      generated,
      edit: editOf(generated),
      unitIds: generated.compliance.map((row) => row.unitId),
      generatedAt: now,
      updatedAt: now,
      updatedBy: caller.name,
      publishedAt: null,
      publishedBy: null,
    };
    const { _id, ...data } = document;
    await (db.collection('bulletins').doc(_id) as unknown as { set(options: { data: object }): Promise<unknown> }).set({ data });
    return { bulletin: bulletinView(document, caller, now) };
  },
});
