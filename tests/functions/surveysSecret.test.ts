import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { provideSurveySecret, SURVEY_SECRET_FILE } from '../../localcloud/surveySecret';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { openTestCloud } from '../support/testCloud';
import { SEEDED_ROUND } from './surveysFixture';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 20, 10));
  t = await openTestCloud();
});
afterAll(() => {
  t.close();
  restoreClock();
});

function withEnvironment(values: Record<string, string | undefined>, work: () => void | Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  const set = (entries: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(entries)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  set(values);
  return Promise.resolve(work()).finally(() => set(saved));
}

describe('the survey secret', () => {
  it('refuses every survey action without GJ_SURVEY_SECRET, with a Chinese message and an English log', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
    for (const value of [undefined, 'short']) {
      await withEnvironment({ GJ_SURVEY_SECRET: value }, async () => {
        expect(await t.call('demo-zhoutao', 'surveys.round', { roundId: SEEDED_ROUND })).toEqual({ ok: false, error: { code: 'INTERNAL', message: '评议功能尚未配置评议密钥，暂时不能使用，请联系区委党群共建办' } });
        expect(await t.call('anyone', 'surveys.entry', { entry: 'AAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      });
    }
    expect(logged.mock.calls.map((args) => String(args[0]))).toEqual(expect.arrayContaining([expect.stringContaining('GJ_SURVEY_SECRET is not set'), expect.stringContaining('shorter than 32 characters')]));
    logged.mockRestore();
    expect(await t.call('demo-zhoutao', 'surveys.round', { roundId: SEEDED_ROUND })).toMatchObject({ ok: true });
  });

  it('is generated once for a local data folder, kept there (owner only) and the same on every start', async () => {
    const one = mkdtempSync(path.join(os.tmpdir(), 'gj-secret-'));
    const two = mkdtempSync(path.join(os.tmpdir(), 'gj-secret-'));
    const current = { GJ_SURVEY_SECRET: process.env.GJ_SURVEY_SECRET, GJ_SURVEY_SECRET_SOURCE: process.env.GJ_SURVEY_SECRET_SOURCE };
    await withEnvironment(current, () => {
      provideSurveySecret(one);
      const first = process.env.GJ_SURVEY_SECRET!;
      expect(first.length).toBeGreaterThanOrEqual(40);
      expect(statSync(path.join(one, SURVEY_SECRET_FILE)).mode & 0o077).toBe(0);
      provideSurveySecret(two);
      expect(process.env.GJ_SURVEY_SECRET).not.toBe(first);
      provideSurveySecret(one);
      expect(process.env.GJ_SURVEY_SECRET).toBe(first);
    });
    // an operator's own value wins over the folder's
    await withEnvironment({ GJ_SURVEY_SECRET: 'operator-chosen-secret-of-enough-length-0123', GJ_SURVEY_SECRET_SOURCE: undefined }, () => {
      provideSurveySecret(one);
      expect(process.env.GJ_SURVEY_SECRET).toBe('operator-chosen-secret-of-enough-length-0123');
    });
    rmSync(one, { recursive: true, force: true });
    rmSync(two, { recursive: true, force: true });
  });
});
