import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const serverInfoFile = path.join(os.tmpdir(), `gongjian-e2e-server-${process.ppid}-${process.env.USER ?? 'user'}.json`);

export function baseUrl(): string {
  return (JSON.parse(readFileSync(serverInfoFile, 'utf8')) as { baseUrl: string }).baseUrl;
}
