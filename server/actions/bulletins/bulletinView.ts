import type { BulletinSummary, BulletinView } from '../../../src/contract/bulletins';
import { policy } from '../../../src/domain/access/policy';
import { applyEdit, publishProblem } from '../../../src/domain/bulletins/quarterly';
import type { BulletinDocument } from '../../db/pointsDocuments';
import type { BulletinListRow } from '../../repositories/bulletins';
import { allows, subjectOfCaller } from '../../runtime/access';
import type { Caller } from '../../runtime/context';

/** A bulletin as a list shows it. */
export function bulletinSummary(bulletin: BulletinListRow): BulletinSummary {
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

/** A bulletin as the caller reads it: its editors also get the generated lists to choose from. */
export function bulletinView(bulletin: BulletinDocument, caller: Caller, now: Date): BulletinView {
  const editor = allows(caller, policy.bulletin.edit, bulletin);
  const blocked = publishProblem(bulletin.year, bulletin.quarter, now);
  const mine = subjectOfCaller(caller).unitIds;
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
