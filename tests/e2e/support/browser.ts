import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl } from './serverInfo';

export interface Session {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, offline-safe flags; Playwright gives each launch a fresh profile. A phone-sized viewport. */
export async function openBrowser(options: { geolocation?: { latitude: number; longitude: number; accuracy?: number } } = {}): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
  const page = await context.newPage();
  // A script error or a failed request in the page is printed with the test's output, so a failure on
  // CI says what the page did rather than only which element never came.
  page.on('pageerror', (error) => console.error(`[page error] ${page.url()}\n${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[page console] ${page.url()}\n${message.text()}`);
  });
  return {
    browser,
    context,
    page,
    close: () => browser.close(),
  };
}
