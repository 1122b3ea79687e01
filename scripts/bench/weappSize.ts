import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../paths';
import type { Figure } from './stats';

const weappRoot = path.join(projectRoot, 'dist', 'weapp');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** WeChat's limit is 2 MB a package; this app holds its main package to 400 KB (issue 11). */
export const MAIN_PACKAGE_BUDGET_BYTES = 400 * 1024;

/** Bytes of the main package and of each subpackage (by root) of a built mini-program, as WeChat counts what it downloads. */
export function packageSizes(root: string = weappRoot): Map<string, number> {
  const app = JSON.parse(readFileSync(path.join(root, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((subRoot) => [subRoot, 0] as [string, number])]);
  for (const file of filesUnder(root)) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (relative === 'project.config.json' || relative.endsWith('.map')) continue;
    const owner = roots.find((subRoot) => relative.startsWith(`${subRoot}/`)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size);
  }
  return sizes;
}

/** Build the mini-program (production) and measure its main package and each subpackage, in bytes. */
export function weappPackageSizes(): Figure[] {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: projectRoot, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0 || !existsSync(path.join(weappRoot, 'app.json'))) throw new Error('weapp build failed (npx taro build --type weapp)');
  const sizes = packageSizes();
  return [
    ...[...sizes].map(([name, bytes]) => ({ name: name === 'main' ? 'weapp main package' : `weapp subpackage ${name}`, value: bytes, unit: 'bytes' })),
    { name: 'weapp main package headroom under 400 KB', value: MAIN_PACKAGE_BUDGET_BYTES - (sizes.get('main') ?? 0), unit: 'bytes' },
  ];
}

/** WeChat's own offline code-quality check (miniprogram-ci), as DevTools runs it. */
export async function codeQuality(): Promise<Figure[]> {
  const ci = require('miniprogram-ci') as { Project: new (options: object) => object; checkCodeQuality(project: object): Promise<Array<{ name: string; success: boolean; text: string }>> };
  // checkCodeQuality never reads the key, but the Project insists on a path.
  const key = path.join(os.tmpdir(), 'gongjian-unused-ci-key.pem');
  writeFileSync(key, 'unused: checkCodeQuality runs offline\n');
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: weappRoot, privateKeyPath: key, ignores: ['node_modules/**/*'] });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('checkCodeQuality did not answer within 120 s')), 120_000).unref());
  const results = await Promise.race([ci.checkCodeQuality(project), timeout]);
  for (const item of results) console.log(`    ${item.success ? '✓' : '✗'} ${item.name}: ${item.text}`);
  return [
    { name: 'weapp code quality checks passed', value: results.filter((item) => item.success).length, unit: 'checks' },
    { name: 'weapp code quality checks failed', value: results.filter((item) => !item.success).length, unit: 'checks' },
  ];
}
