import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { h5Root, projectRoot } from './paths';

/** The h5 build is stale when any file under src/ or config/ is newer than its index.html. */
export function h5IsStale(): boolean {
  const index = path.join(h5Root, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const newer = (dir: string): boolean =>
    existsSync(dir) &&
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? newer(full) : statSync(full).mtimeMs > built;
    });
  return ['src', 'config'].some((dir) => newer(path.join(projectRoot, dir)));
}

/** Build the h5 app (production) when missing or stale; Taro prints its own progress. */
export function ensureH5Build(): void {
  if (!h5IsStale()) return;
  console.log('构建 h5 应用（约 30–60 秒）…');
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('h5 build failed (taro build --type h5)');
}
