import { useMemo } from 'react';
import { useRouter } from '@tarojs/taro';

/** Decodes a query value once more when it is still encoded (WeChat hands `scene` over encoded). */
export function decodeParam(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The current page's query, decoded, in both targets. */
export function usePageParams(): Readonly<Record<string, string | undefined>> {
  const { params } = useRouter();
  const key = JSON.stringify(params ?? {});
  return useMemo(() => {
    const raw = JSON.parse(key) as Record<string, string | undefined>;
    return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, decodeParam(value)]));
  }, [key]);
}

/** A page path with its query, e.g. `/pages/record/index?id=abc`; undefined values are left out. */
export function pageUrl(path: string, query: Readonly<Record<string, string | number | undefined>> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`);
  return pairs.length === 0 ? path : `${path}?${pairs.join('&')}`;
}
