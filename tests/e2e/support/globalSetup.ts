import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildCloudFunctions } from '../../../scripts/build-cloud';
import { ensureH5Build } from '../../../scripts/build-h5';
import { projectRoot } from '../../../scripts/paths';
import { serverInfoFile } from './serverInfo';

/** Build the h5 app and the functions as deployed, then start the product as `npm start` does, on a fresh data folder. */
export default async function globalSetup(): Promise<void> {
  ensureH5Build();
  await buildCloudFunctions({ quiet: true });
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongjian-e2e-'));
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', '--no-build'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GONGJIAN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${baseUrl}/__local/health`)).ok, 60_000, () => output);
  writeFileSync(serverInfoFile, JSON.stringify({ baseUrl, pid: child.pid, dataDir }));
  child.unref();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`local cloud did not start within ${timeoutMs} ms:\n${describe()}`);
}
