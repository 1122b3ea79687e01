import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..');
export const h5Root = path.join(projectRoot, 'dist', 'h5');
export const cloudFunctionsBuild = path.join(projectRoot, 'dist', 'cloudfunctions');
export const cloudFunctionsSource = path.join(projectRoot, 'cloudfunctions');

/** Local data of the embedded cloud; git-ignored. */
export function dataDirFromEnv(): string {
  return path.resolve(projectRoot, process.env.GONGJIAN_DATA_DIR ?? '.local-cloud');
}

/** Mini-program page paths that exist (`pages/home/index`, `pages-office/index/index`, ...). */
export function knownPages(): string[] {
  const pages: string[] = [];
  for (const root of ['pages', 'pages-office']) {
    const dir = path.join(projectRoot, 'src', root);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(path.join(dir, entry.name, 'index.tsx'))) pages.push(`${root}/${entry.name}/index`);
    }
  }
  return pages;
}
