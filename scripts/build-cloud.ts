/**
 * `npm run build:cloud`: bundle each cloud function (cloudfunctions/<name>/index.ts) into a deployable
 * folder dist/cloudfunctions/<name>/ holding index.js, package.json (pinning wx-server-sdk) and
 * config.json (permissions, timer trigger, timeout, memory, runtime: from server/deploy/functions.ts). The TypeScript source never sits beside the bundle: a folder holding
 * both index.ts and index.js fails to deploy.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { declarationOf } from '../server/deploy/functions';
import type { FunctionName } from '../server/deploy/functions';
import { configJsonText } from './function-configs';

const root = path.resolve(__dirname, '..');
const sourceRoot = path.join(root, 'cloudfunctions');
export const cloudOutputRoot = path.join(root, 'dist', 'cloudfunctions');

export async function buildCloudFunctions(options: { quiet?: boolean } = {}): Promise<string[]> {
  const sdkVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['wx-server-sdk'];
  if (!sdkVersion || !/^\d+\.\d+\.\d+$/.test(sdkVersion)) throw new Error('package.json must pin wx-server-sdk to an exact version');
  const names = readdirSync(sourceRoot, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && existsSync(path.join(sourceRoot, dirent.name, 'index.ts')))
    .map((dirent) => dirent.name);
  rmSync(cloudOutputRoot, { recursive: true, force: true });
  for (const name of names) {
    const outDir = path.join(cloudOutputRoot, name);
    mkdirSync(outDir, { recursive: true });
    const result = await build({
      entryPoints: [path.join(sourceRoot, name, 'index.ts')],
      outfile: path.join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      // WeChat cloud functions run on Node.js 16 or later.
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      minify: true,
      keepNames: true,
      sourcemap: false,
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    });
    writeFileSync(
      path.join(outDir, 'package.json'),
      `${JSON.stringify({ name: `gongjian-${name}`, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2)}\n`,
    );
    // Every function has a declaration: declarationOf throws for a folder without one.
    writeFileSync(path.join(outDir, 'config.json'), configJsonText(declarationOf(name as FunctionName)));
    if (!options.quiet) {
      const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
      console.log(`  云函数 ${name}: ${(bytes / 1024).toFixed(1)} KB`);
    }
  }
  return names;
}

if (require.main === module) {
  buildCloudFunctions()
    .then((names) => console.log(`已构建 ${names.length} 个云函数 → ${path.relative(root, cloudOutputRoot)}/`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
