import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../scripts/paths';

const weappRoot = path.join(projectRoot, 'dist', 'weapp');
/** What the weapp build is made from. */
const inputs = ['src', 'config', 'babel.config.js'];

/** The weapp build is stale when app.js is missing or older than any of its inputs. */
export function weappIsStale(): boolean {
  const app = path.join(weappRoot, 'app.js');
  if (!existsSync(app) || !existsSync(path.join(weappRoot, 'base.wxml'))) return true;
  const built = statSync(app).mtimeMs;
  const newer = (entry: string): boolean => {
    if (!existsSync(entry)) return false;
    const stat = statSync(entry);
    if (!stat.isDirectory()) return stat.mtimeMs > built;
    return readdirSync(entry).some((name) => newer(path.join(entry, name)));
  };
  return inputs.some((input) => newer(path.join(projectRoot, input)));
}

/** Build the mini-program (production, as deployed) when missing or stale. */
export function ensureWeappBuild(): void {
  if (!weappIsStale()) return;
  console.log('\n构建小程序 dist/weapp（约 20–90 秒）…');
  const result = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0 || weappIsStale()) throw new Error('weapp build failed (npx taro build --type weapp)');
}
