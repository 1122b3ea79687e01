import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ListPage } from '../../contract/fields';
import { ActionButton } from '../../components/ActionButton';
import './Pager.css';

export interface PagerProps {
  /** Prefix of the pager's ids: `${id}-range`, `${id}-prev`, `${id}-next`. */
  readonly id: string;
  readonly page: ListPage;
  /** What the list counts (个单位, 个结对 …), after the number. */
  readonly unit: string;
  readonly onTurn: (offset: number) => void;
  /** A page is on its way: the buttons wait. */
  readonly busy?: boolean;
}

/**
 * 上一页 / 下一页 under a long list. A page never grows (WeChat's audit wants fewer than 1,000 nodes a
 * page and each setData ≤ 256 KB), so a long list is read a page at a time; nothing when one page holds it all.
 */
export function Pager({ id, page, unit, onTurn, busy = false }: PagerProps) {
  if (page.total <= page.limit && page.offset === 0) return null;
  const last = Math.min(page.offset + page.limit, page.total);
  const pageNumber = Math.floor(page.offset / page.limit) + 1;
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  return (
    <View className='pager' id={id}>
      <Text className='pager__range' id={`${id}-range`}>
        第 {pageNumber}/{pages} 页：第 {page.total === 0 ? 0 : page.offset + 1}–{last} {unit}，共 {page.total} {unit}
      </Text>
      <View className='button-row'>
        {page.offset > 0 ? <ActionButton id={`${id}-prev`} text='上一页' variant='secondary' busy={busy} busyText='正在加载…' onTap={() => onTurn(Math.max(0, page.offset - page.limit))} /> : null}
        {last < page.total ? <ActionButton id={`${id}-next`} text='下一页' variant='secondary' busy={busy} busyText='正在加载…' onTap={() => onTurn(page.offset + page.limit)} /> : null}
      </View>
    </View>
  );
}

/** The page of a list held whole on the phone (windowing on the client), as a ListPage and its rows. */
export function windowOf<T>(items: readonly T[], offset: number, limit: number): { rows: readonly T[]; page: ListPage } {
  const lastOffset = items.length === 0 ? 0 : Math.floor((items.length - 1) / limit) * limit;
  const start = Math.min(offset, lastOffset);
  return { rows: items.slice(start, start + limit), page: { offset: start, limit, total: items.length } };
}

/** Back to the top of the page once another page of a list is shown (a courtesy: never fails). */
export function scrollToTop(): void {
  try {
    void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
  } catch {
    // no scrolling here (a test renderer): nothing to do
  }
}
