import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wxServerSdk } from '../../localcloud/sdk';
import { sendMessage } from '../../server/messaging/send';
import { fieldLimits, templateTable, templates } from '../../server/messaging/templates';
import { openLocalCloud } from '../../scripts/open-local-cloud';
import type { LocalCloud } from '../../localcloud';

describe('the one messenger', () => {
  let local: LocalCloud;
  beforeAll(() => {
    local = openLocalCloud({ dataDir: null, functionsFrom: 'none' });
  });
  afterAll(() => local.close());

  it('fits every field to its WeChat limit and opens the template’s page with the query', async () => {
    const long = '这是一段明显超过二十个字的很长很长的事项说明文字内容';
    // WeChat delivers a one-time template only against an allowance the person tapped for.
    expect(await sendMessage(wxServerSdk(), templates.confirmRequest, { to: 'openid-a', values: { thing1: '事项', thing2: '单位', date3: '2026-12-01', thing4: '备注' } })).toBe('notAllowed');
    local.subscriptions.grant('openid-a', templates.confirmRequest.id);
    const outcome = await sendMessage(wxServerSdk(), templates.confirmRequest, { to: 'openid-a', query: { t: 'tok en' }, values: { thing1: long, thing2: '单位', date3: '2026-12-01', thing4: long } });
    expect(outcome).toBe('sent');
    const [sent] = local.outbox.list({ touser: 'openid-a' });
    expect(sent).toMatchObject({ templateId: 'local-confirm-request', page: 'pages/confirm/index?t=tok%20en' });
    expect([...String(sent!.data!['thing1']!.value)].length).toBe(fieldLimits.thing);
    expect(String(sent!.data!['thing1']!.value).endsWith('…')).toBe(true);
  });

  it('answers "failed" and logs in English when WeChat refuses, never throws', async () => {
    const lines: string[] = [];
    const outcome = await sendMessage(wxServerSdk(), templates.feedbackReply, { to: '', values: { thing1: 'a', thing2: 'b', date3: '2026-12-01' } }, (line) => lines.push(line));
    expect(outcome).toBe('failed');
    expect(lines).toEqual([expect.stringMatching(/^\[gongjian\] feedbackReply message to  failed: /)]);
  });

  it('the deploy guide lists exactly the template table', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const indented = templateTable().split('\n').map((line) => `   ${line}`).join('\n');
    expect(readme).toContain(indented);
  });
});
