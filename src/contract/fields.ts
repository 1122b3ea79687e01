import { z } from 'zod';
import { parseChinaDate } from '../domain/time/chinaTime';

/** Reusable input fields with Chinese messages, validated at the boundary of every action. */

export const idField = z.string().regex(/^[\w-]{1,64}$/, '编号格式不正确');

export const chinaDateField = z.string().refine((value) => parseChinaDate(value) !== undefined, '日期格式应为 YYYY-MM-DD，且须是真实日期');

export function textField(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .transform((value) => value.trim())
    .pipe(z.string().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`));
}

export function optionalTextField(label: string, max: number) {
  return z
    .string()
    .max(max * 2)
    .transform((value) => value.trim())
    .pipe(z.string().max(max, `${label}不能超过 ${max} 字`))
    .optional();
}

export const latitudeField = z.number({ error: '纬度须为数字' }).finite().min(-90, '纬度超出范围').max(90, '纬度超出范围');
export const longitudeField = z.number({ error: '经度须为数字' }).finite().min(-180, '经度超出范围').max(180, '经度超出范围');

export const pageField = z.object({
  /** Opaque cursor from the previous page, or absent for the first page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});

/** Rows per page of an office's long lists (points table, assessment, plans, a round's pairings, a bulletin's units). */
export const LIST_PAGE_SIZE = 50;

/**
 * A page of a long list by position in the server's order: `limit` rows from `offset`. The summary
 * figures beside such a list (totals, counts) always cover the whole list, not the page.
 */
export const listPageFields = {
  offset: z.number({ error: '页码须为数字' }).int().min(0).max(100_000).optional(),
  limit: z.number({ error: '每页行数须为数字' }).int().min(1).max(100).optional(),
};

/** Where a page sits in its list: `total` rows in all, this page from `offset`, at most `limit` of them. */
export interface ListPage {
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Absent on the last page. */
  readonly nextCursor?: string;
}
