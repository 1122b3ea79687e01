import { z } from 'zod';
import type { BulletinContent, BulletinEdit } from '../domain/bulletins/quarterly';
import { idField, textField } from './fields';
import { yearField } from './points';

/** Quarterly inspection bulletins (季度督办通报) of the district and the streets: cloud function `bulletins`. */

/** bulletins.generate — draft (or redraft) the quarter's bulletin from the data. */
export const generateBulletinInput = z.object({ year: yearField, quarter: z.number().int().min(1, '季度应为 1–4').max(4, '季度应为 1–4'), streetId: idField.optional() });
const idList = z.array(idField).max(500).readonly();
export const updateBulletinInput = z.object({
  bulletinId: idField,
  title: textField('标题', 60),
  summary: textField('通报正文', 2000),
  closing: z.string().max(2000).transform((value) => value.trim()).pipe(z.string().max(500, '结束语不能超过 500 字')),
  goodPracticeIds: idList,
  praisedUnitIds: idList,
  behindUnitIds: idList,
});
export const bulletinRefInput = z.object({ bulletinId: idField });
export const listBulletinsInput = z.object({ year: yearField.optional() });

// ---- outputs ----

export interface BulletinSummary {
  readonly id: string;
  readonly scopeName: string;
  readonly year: number;
  readonly quarter: number;
  readonly title: string;
  readonly state: 'draft' | 'published';
  readonly publishedAt: string | null;
  readonly updatedAt: string;
}

export interface BulletinView extends BulletinSummary {
  readonly streetId: string | null;
  /** What readers see: the generated content with the office's edit. */
  readonly content: BulletinContent;
  /** For the editor: everything the data supports, and the current choices. */
  readonly generated?: BulletinContent;
  readonly edit?: BulletinEdit;
  readonly canEdit: boolean;
  readonly canPublish: boolean;
  /** Why it cannot be published yet, in Chinese. */
  readonly publishBlocked?: string;
  /** The caller's units mentioned in it (units' view). */
  readonly myUnitIds: readonly string[];
}
