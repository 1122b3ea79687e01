import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { ReloadOptions } from './useActionQuery';

/**
 * Coming back to a page (from a page it opened, or from another app): read the screen again, quietly,
 * so what is shown is not what it was when the person left. The first show is the page's own load.
 */
export function useReloadOnReturn(reload: (options?: ReloadOptions) => Promise<void>): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload({ quiet: true });
    shown.current = true;
  });
}
