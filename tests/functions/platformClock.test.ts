/**
 * The functions run at the platform's clock: when the local cloud stands at another instant and says
 * so on the SDK module (`localCloudNow`), every call's `now` is that instant, not the process's Date.
 */
import { wxServerSdk } from '../../localcloud/sdk';
import type { TestCloud } from '../support/testCloud';
import { dataOf, openTestCloud } from '../support/testCloud';

describe('the platform clock', () => {
  let t: TestCloud;
  beforeAll(async () => {
    t = await openTestCloud();
  });
  afterAll(() => {
    Reflect.deleteProperty(wxServerSdk(), 'localCloudNow');
    t.close();
  });

  it('is the local cloud clock when it stands elsewhere, the system clock otherwise', async () => {
    const sdk = wxServerSdk();
    Reflect.set(sdk, 'localCloudNow', () => new Date('2031-03-03T02:00:00.000Z'));
    expect(dataOf(await t.call('demo-liming', 'records.home', {})).today).toBe('2031-03-03');
    Reflect.set(sdk, 'localCloudNow', () => new Date('2031-12-31T16:30:00.000Z'));
    expect(dataOf(await t.call('demo-liming', 'records.home', {})).today).toBe('2032-01-01');
    Reflect.deleteProperty(sdk, 'localCloudNow');
    expect(dataOf(await t.call('demo-liming', 'records.home', {})).today).not.toMatch(/^203[12]/);
  });

  it('refuses a clock that answers no date', async () => {
    Reflect.set(wxServerSdk(), 'localCloudNow', () => 'tomorrow');
    const result = await t.call('demo-liming', 'records.home', {});
    Reflect.deleteProperty(wxServerSdk(), 'localCloudNow');
    expect(result.ok).toBe(false);
  });
});
