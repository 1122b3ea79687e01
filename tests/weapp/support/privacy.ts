import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Privacy-scoped WeChat APIs and where the product declares them. WeChat refuses an API whose
 * scope is not in the 用户隐私保护指引 ("api scope is not declared in the privacy agreement"), and
 * location APIs must also be listed in app.json's `requiredPrivateInfos`.
 *
 * The product has no single declaration yet. Until it has one (a module that generates both
 * `requiredPrivateInfos` and the README's privacy section), this tier reads:
 * - location: `requiredPrivateInfos` of the built app.json;
 * - every other scope: the bullets of the README's 隐私保护指引 step (部署到微信, step 6), which is
 *   what the deployer copies into WeChat's console.
 */
export interface PrivacyScope {
  readonly scope: string;
  /** WeChat's name for it in the privacy guide. */
  readonly label: string;
  readonly apis: readonly string[];
  /** How the README's bullet title names it; undefined: declared through requiredPrivateInfos. */
  readonly readmeTitle?: RegExp;
}

export const privacyScopes: readonly PrivacyScope[] = [
  { scope: 'location', label: '位置信息', apis: ['getLocation', 'chooseLocation', 'getFuzzyLocation', 'choosePoi', 'startLocationUpdate', 'startLocationUpdateBackground'] },
  { scope: 'album', label: '选中的照片或视频信息', apis: ['chooseMedia', 'chooseImage', 'chooseVideo'], readmeTitle: /相册|照片|视频|摄像头/ },
  { scope: 'clipboard', label: '剪切板', apis: ['setClipboardData', 'getClipboardData'], readmeTitle: /剪切板|剪贴板/ },
  { scope: 'files', label: '选中的文件', apis: ['chooseMessageFile'], readmeTitle: /文件/ },
];

export interface PrivacyDeclaration {
  /** The scope an API needs, if any. */
  scopeOf(api: string): PrivacyScope | undefined;
  declares(api: string): boolean;
  /** What the README's privacy step lists (bullet titles), for reports. */
  readonly readmeTitles: readonly string[];
  readonly requiredPrivateInfos: readonly string[];
}

export function readPrivacyDeclaration(weappRoot: string, readmeFile: string): PrivacyDeclaration {
  const app = JSON.parse(readFileSync(path.join(weappRoot, 'app.json'), 'utf8')) as { requiredPrivateInfos?: string[] };
  const requiredPrivateInfos = app.requiredPrivateInfos ?? [];
  const readmeTitles = privacyGuideTitles(readFileSync(readmeFile, 'utf8'));
  const scopeOf = (api: string) => privacyScopes.find((scope) => scope.apis.includes(api));
  return {
    scopeOf,
    requiredPrivateInfos,
    readmeTitles,
    declares(api) {
      const scope = scopeOf(api);
      if (!scope) return true;
      if (!scope.readmeTitle) return requiredPrivateInfos.includes(api);
      return readmeTitles.some((title) => scope.readmeTitle!.test(title));
    },
  };
}

/** The bold titles of the bullets under the README's "隐私保护指引" deploy step, up to the next step. */
export function privacyGuideTitles(readme: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^\d+\.\s+\*\*隐私保护指引\*\*/.test(line));
  if (start < 0) throw new Error('README.md: no "隐私保护指引" step under 部署到微信');
  const titles: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\d+\.\s/.test(line) || /^#/.test(line)) break;
    const bullet = /^\s+-\s+\*\*([^*]+)\*\*/.exec(line);
    if (bullet) titles.push(bullet[1]!);
  }
  return titles;
}
