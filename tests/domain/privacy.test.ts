import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { privacyGuide, privacyScopes, requiredPrivateInfos, scopeOfApi } from '../../src/privacy';

const root = path.join(__dirname, '..', '..');

/** WeChat APIs that need a scope in the 用户隐私保护指引 (a subset: the ones a product like this might call). */
const privacyScopedApis = [
  'getLocation', 'chooseLocation', 'getFuzzyLocation', 'choosePoi', 'startLocationUpdate', 'startLocationUpdateBackground',
  'chooseMedia', 'chooseImage', 'chooseVideo', 'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum',
  'setClipboardData', 'getClipboardData', 'chooseMessageFile', 'chooseAddress', 'chooseInvoice', 'chooseInvoiceTitle',
  'getWeRunData', 'startRecord', 'getRecorderManager', 'openBluetoothAdapter', 'addPhoneContact', 'getUserProfile',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('the one privacy declaration (src/privacy.ts)', () => {
  it('lists the location APIs for requiredPrivateInfos, and app.config.ts takes them from it', () => {
    expect(requiredPrivateInfos()).toEqual(['getLocation', 'chooseLocation']);
    const appConfig = readFileSync(path.join(root, 'src', 'app.config.ts'), 'utf8');
    expect(appConfig).toContain("import { requiredPrivateInfos } from './privacy';");
    expect(appConfig).toMatch(/requiredPrivateInfos: requiredPrivateInfos\(\),/);
  });

  it('declares every privacy-scoped WeChat API the mini-program calls, each in one scope with a purpose', () => {
    const called = new Set<string>();
    for (const file of sourceFiles(path.join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\b(?:Taro|wx)\.(\w+)\(/g)) if (privacyScopedApis.includes(match[1]!)) called.add(match[1]!);
    }
    expect([...called].sort()).toEqual(['chooseLocation', 'chooseMedia', 'chooseMessageFile', 'getLocation', 'setClipboardData']);
    for (const api of called) expect(scopeOfApi(api)).toBeDefined();
    const apis = privacyScopes.flatMap((scope) => scope.apis);
    expect(new Set(apis).size).toBe(apis.length);
    for (const scope of privacyScopes) expect(scope.purpose).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the deploy guide’s 隐私保护指引 step is exactly the generated text', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const guide = privacyGuide();
    expect(readme).toContain(`${guide}\n7. `);
    // Each scope once, and no other privacy bullet left behind elsewhere in the README.
    for (const scope of privacyScopes) expect(readme.split(`**${scope.label}**`)).toHaveLength(2);
    expect(readme).not.toMatch(/隐私保护指引另需声明/);
  });

  it('tells the deployer to switch the location APIs on under 开发管理 → 接口设置', () => {
    expect(privacyGuide()).toContain('“开发管理 → 接口设置”中开通 `wx.getLocation`、`wx.chooseLocation`');
  });
});
