import Taro from '@tarojs/taro';

/**
 * Copies text for the person, after a tap. WeChat (and Taro's h5) show "内容已复制" themselves; when the
 * copy is refused — the person has not agreed to the privacy guide, the clipboard is unavailable —
 * this says so in a toast instead of leaving a rejected promise behind. Never throws.
 *
 * `what` names the thing copied, as the person calls it (e.g. 邀请码, 下载链接).
 */
export async function copyText(text: string, what: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    return true;
  } catch (error) {
    console.warn(`[gongjian] setClipboardData failed: ${String((error as { errMsg?: unknown } | null)?.errMsg ?? error)}`);
    void Taro.showToast({ title: `未能复制${what}，请稍后重试`, icon: 'none', duration: 2500 }).catch(() => undefined);
    return false;
  }
}
