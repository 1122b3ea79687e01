import type { BulletinSummary, BulletinView } from '../../../src/contract/points';
import { applyEdit, publishProblem } from '../../../src/domain/bulletins/quarterly';
import { unitIdsOf } from '../../../src/domain/access/scope';
import type { BulletinDocument } from '../../db/pointsDocuments';
import type { Caller } from '../../runtime/context';
import { canEditBulletin } from './access';

export function bulletinSummary(bulletin: BulletinDocument): BulletinSummary {
  return {
    id: bulletin._id,
    scopeName: bulletin.scopeName,
    year: bulletin.year,
    quarter: bulletin.quarter,
    title: bulletin.edit.title,
    state: bulletin.state,
    publishedAt: bulletin.publishedAt ? new Date(bulletin.publishedAt).toISOString() : null,
    updatedAt: new Date(bulletin.updatedAt).toISOString(),
  };
}

export function bulletinView(bulletin: BulletinDocument, caller: Caller, now: Date): BulletinView {
  const editor = canEditBulletin(caller, bulletin);
  const blocked = publishProblem(bulletin.year, bulletin.quarter, now);
  const mine = unitIdsOf(caller.grants);
  return {
    ...bulletinSummary(bulletin),
    streetId: bulletin.streetId,
    content: applyEdit(bulletin.generated, bulletin.edit),
    ...(editor ? { generated: bulletin.generated, edit: bulletin.edit } : {}),
    canEdit: editor && bulletin.state === 'draft',
    canPublish: editor && bulletin.state === 'draft' && blocked === undefined,
    ...(blocked !== undefined && bulletin.state === 'draft' ? { publishBlocked: blocked } : {}),
    myUnitIds: bulletin.unitIds.filter((unitId) => mine.includes(unitId)),
  };
}
