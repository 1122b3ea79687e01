import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrivacyScope as ProductScope } from '../../../src/privacy';
import { privacyScopes as productScopes } from '../../../src/privacy';

/**
 * Privacy-scoped WeChat APIs and where the product declares them. WeChat refuses an API whose
 * scope is not in the 用户隐私保护指引 ("api scope is not declared in the privacy agreement"), and
 * location APIs must also be listed in app.json's `requiredPrivateInfos`.
 *
 * What WeChat knows is written here (`wechatScopes`: each scope of the guide and every API it
 * covers); what the product declares is read from its one declaration, src/privacy.ts, which also
 * generates `requiredPrivateInfos` and the README's guide:
 * - a scope is declared when the product declares a scope naming any of its APIs (the deployer ticks
 *   that item in the console, as the README generated from the same module tells them);
 * - a location API needs, in addition, to be in the built app.json's `requiredPrivateInfos`.
 */
export interface PrivacyScope {
  readonly scope: string;
  /** WeChat's name for it in the privacy guide. */
  readonly label: string;
  readonly apis: readonly string[];
  /** Location APIs: must be in requiredPrivateInfos as well. */
  readonly requiredPrivateInfos?: boolean;
}

export const wechatScopes: readonly PrivacyScope[] = [
  { scope: 'location', label: '位置信息', apis: ['getLocation', 'chooseLocation', 'getFuzzyLocation', 'choosePoi', 'startLocationUpdate', 'startLocationUpdateBackground'], requiredPrivateInfos: true },
  { scope: 'album', label: '选中的照片或视频信息', apis: ['chooseMedia', 'chooseImage', 'chooseVideo'] },
  { scope: 'clipboard', label: '剪切板', apis: ['setClipboardData', 'getClipboardData'] },
  { scope: 'files', label: '选中的文件', apis: ['chooseMessageFile'] },
];

export interface PrivacyDeclaration {
  /** The WeChat scope an API needs, if any. */
  scopeOf(api: string): PrivacyScope | undefined;
  declares(api: string): boolean;
  /** The WeChat scopes the product's declaration covers, for reports. */
  readonly declaredScopes: readonly string[];
  readonly requiredPrivateInfos: readonly string[];
}

/** What WeChat lets through for this build: its app.json and the product's declaration (or another one, for the emulator's own tests). */
export function readPrivacyDeclaration(weappRoot: string, declared: readonly Pick<ProductScope, 'apis'>[] = productScopes): PrivacyDeclaration {
  const app = JSON.parse(readFileSync(path.join(weappRoot, 'app.json'), 'utf8')) as { requiredPrivateInfos?: string[] };
  const requiredPrivateInfos = app.requiredPrivateInfos ?? [];
  const declaredApis = new Set<string>(declared.flatMap((scope) => scope.apis));
  const declaredScopes = wechatScopes.filter((scope) => scope.apis.some((api) => declaredApis.has(api))).map((scope) => scope.scope);
  const scopeOf = (api: string) => wechatScopes.find((scope) => scope.apis.includes(api));
  return {
    scopeOf,
    requiredPrivateInfos,
    declaredScopes,
    declares(api) {
      const scope = scopeOf(api);
      if (!scope) return true;
      if (!declaredScopes.includes(scope.scope)) return false;
      return !scope.requiredPrivateInfos || requiredPrivateInfos.includes(api);
    },
  };
}
