/**
 * The pages messages, share cards and QR codes open (src/contract/pages.ts `linkedPages`) exist in the
 * app (src/app.config.ts): WeChat opens nothing else. The result message (审核结果通知) opens the
 * author's record itself, in the main package so that it opens without a subpackage download.
 */
import { linkedPages } from '../../src/contract/pages';
import { templates } from '../../server/messaging/templates';
import { recordResultMessage } from '../../server/messaging/recordResult';

interface AppConfig {
  readonly pages: readonly string[];
  readonly subPackages?: readonly { readonly root: string; readonly pages: readonly string[] }[];
}

function appConfig(): AppConfig {
  (globalThis as { defineAppConfig?: (config: AppConfig) => AppConfig }).defineAppConfig = (config) => config;
  return (require('../../src/app.config') as { default: AppConfig }).default;
}

describe('linked pages', () => {
  const config = appConfig();
  const allPages = [...config.pages, ...(config.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];

  it('every linked page is a page of the app', () => {
    for (const page of Object.values(linkedPages)) expect(allPages).toContain(page);
  });

  it('the result message opens the record in the author’s record view, from the main package', () => {
    expect(templates.recordResult.page).toBe(linkedPages.record);
    expect(config.pages).toContain(linkedPages.record);
    const message = recordResultMessage('openid-1', { id: 'rec-0001', kind: 'monthlyVisit', date: '2026-11-03' }, { decision: 'dispute', byName: '王芳', at: new Date(0), reason: '人数不对' });
    expect(`${templates.recordResult.page}?${new URLSearchParams(message.query).toString()}`).toBe('pages/record/index?id=rec-0001');
  });
});
