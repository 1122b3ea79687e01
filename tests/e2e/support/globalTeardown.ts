import { existsSync, readFileSync, rmSync } from 'node:fs';
import { serverInfoFile } from './serverInfo';

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(serverInfoFile)) return;
  const { pid, dataDir } = JSON.parse(readFileSync(serverInfoFile, 'utf8')) as { pid: number; dataDir: string };
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(serverInfoFile, { force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
