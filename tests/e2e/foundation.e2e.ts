import type { Session } from './support/browser';
import { openBrowser } from './support/browser';
import { baseUrl } from './support/serverInfo';

jest.setTimeout(60_000);

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session.close());

describe('first visit to the local product', () => {
  it('sends a signed-out person to the local sign-in page, which lists the demo people', async () => {
    const { page } = session;
    await page.goto('/');
    await page.getByText('本地演示登录（仅本地环境）').waitFor();
    await page.getByText('李明').waitFor();
    await page.getByText('王芳').waitFor();
  });

  it('signs in as a demo person and reaches a home page filled by one call', async () => {
    const { page } = session;
    const calls: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/call')) calls.push(String((JSON.parse(request.postData() ?? '{}') as { action?: string }).action));
    });
    const whoami = page.waitForResponse((response) => response.url().endsWith('/api/call') && response.request().postData()?.includes('records.home') === true);
    await page.getByText('李明').click();
    await page.locator('#greeting').getByText('您好，李明').waitFor();
    const response = await whoami;
    expect(await response.json()).toMatchObject({ ok: true, data: { person: { name: '李明' } } });
    await page.getByText('区发展和改革局').first().waitFor();
    // The home screen is one call (issue 13): what whoami and pendingLeaders gave comes in records.home.
    expect(calls).toEqual(['records.home']);
    await page.screenshot({ path: 'dist/e2e-home.png' });
  });

  it('answers malformed and oversized calls over HTTP with the error envelope, not a stack trace', async () => {
    const call = (body: string, type = 'application/json') => fetch(`${baseUrl()}/api/call`, { method: 'POST', headers: { 'content-type': type }, body });
    const notJson = await call('{not json');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '提交的内容不完整或格式不对，请检查后再试' } });
    const wrongType = await call('action=x', 'application/x-www-form-urlencoded');
    expect(wrongType.status).toBe(415);
    const huge = await call(JSON.stringify({ action: 'session.whoami', input: { padding: 'x'.repeat(1_100_000) } }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const unknown = await call(JSON.stringify({ action: 'nothing.here', input: {} }));
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } });
  });
});
