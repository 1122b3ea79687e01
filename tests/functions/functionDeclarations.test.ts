import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configJsonPath, configJsonText, readmeWithFunctionTable } from '../../scripts/function-configs';
import type { FunctionDeclaration } from '../../server/deploy/functions';
import { functionDeclarations, worstCaseMs } from '../../server/deploy/functions';

const root = path.join(__dirname, '..', '..');
const declarations = functionDeclarations as readonly FunctionDeclaration[];

describe('one declaration per cloud function (server/deploy/functions.ts; npm run build:functions)', () => {
  it('declares every function folder, and nothing else', () => {
    const folders = readdirSync(path.join(root, 'cloudfunctions'), { withFileTypes: true })
      .filter((dirent) => dirent.isDirectory() && existsSync(path.join(root, 'cloudfunctions', dirent.name, 'index.ts')))
      .map((dirent) => dirent.name)
      .sort();
    expect(declarations.map((declaration) => declaration.name).sort()).toEqual(folders);
  });

  it.each(declarations.map((declaration) => [declaration.name, declaration] as const))('cloudfunctions/%s/config.json is generated from it', (name, declaration) => {
    expect(readFileSync(configJsonPath(name), 'utf8')).toBe(configJsonText(declaration));
  });

  it('the deploy guide (README, 部署到微信) shows exactly the generated function table', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readmeWithFunctionTable(readme)).toBe(readme);
    expect(readme).toContain('| `reminders` |');
  });

  it.each(declarations.map((declaration) => [declaration.name, declaration] as const))('%s: a runtime WeChat offers that loads our bundles, a timeout in 1–60 s covering its worst case at 1,000 pairings', (_name, declaration) => {
    expect(Number(/^Nodejs(\d+)\./.exec(declaration.runtime)?.[1])).toBeGreaterThanOrEqual(16);
    expect(declaration.timeoutSeconds).toBeGreaterThanOrEqual(1);
    expect(declaration.timeoutSeconds).toBeLessThanOrEqual(60);
    // The worst case under WeChat's worst latency fits in the timeout with a quarter to spare.
    expect(worstCaseMs(declaration)).toBeLessThanOrEqual(declaration.timeoutSeconds * 1000 * 0.8);
    expect(declaration.why.length).toBeGreaterThan(0);
  });

  it('timer triggers are WeChat’s 7-field cron, one per function, only on functions whose code runs a timer', () => {
    for (const declaration of declarations) {
      if (!declaration.trigger) continue;
      expect(declaration.trigger.config.split(' ')).toHaveLength(7);
      // The reminder timers send messages; the points ledger job only reads and writes the database.
      if (declaration.name !== 'points') expect(declaration.openapi).toContain('subscribeMessage.send');
    }
    expect(declarations.filter((declaration) => declaration.trigger).map((declaration) => declaration.name)).toEqual(['plans', 'points', 'reminders']);
  });
});
