/**
 * The real product as its own OS process, started as `npm start --no-build` is (scripts/start.ts under
 * tsx, on a data folder and a free loopback port), and killed as an operator or the OOM killer would:
 * SIGKILL to its whole process group (tsx's launcher and the node process it runs), so nothing of the
 * server runs after the kill — no handler, no flush, no close.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { buildCloudFunctions } from '../../scripts/build-cloud';
import { projectRoot } from '../../scripts/paths';

export interface ProductProcess {
  readonly baseUrl: string;
  readonly port: number;
  /** `kill -9` of the server's process group; resolves once it is gone and its port refuses connections. */
  killNine(): Promise<void>;
  /** The product's own clean stop (SIGTERM), then SIGKILL for whatever is left. */
  stop(): Promise<void>;
  /** What the server printed so far (for failure messages). */
  output(): string;
}

/** Process groups still running, killed when the test process ends however it ends. */
const running = new Set<number>();
process.on('exit', () => {
  for (const group of running) killGroup(group, 'SIGKILL');
});

let built: Promise<unknown> | undefined;

/** `--no-build` runs the deployed bundles (dist/cloudfunctions): built once per test process, as the e2e tier does. */
export function ensureBuiltFunctions(): Promise<unknown> {
  built ??= buildCloudFunctions({ quiet: true });
  return built;
}

export async function startProduct(dataDir: string, options: { readyWithinMs?: number } = {}): Promise<ProductProcess> {
  await ensureBuiltFunctions();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', GONGJIAN_DATA_DIR: dataDir };
  // The local cloud keeps its survey secret in the data folder; one chosen by an in-process cloud of this jest worker must not leak in.
  delete env.GJ_SURVEY_SECRET;
  delete env.GJ_SURVEY_SECRET_SOURCE;
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', '--no-build'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that one signal reaches tsx's launcher and the server it spawned.
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the product did not start (no pid)');
  running.add(pid);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = exitOf(child);
  const baseUrl = `http://127.0.0.1:${port}`;

  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (!running.has(pid)) return;
    killGroup(pid, signal);
    await exited;
    if (signal !== 'SIGKILL') killGroup(pid, 'SIGKILL');
    running.delete(pid);
    await portClosed(port);
  };

  try {
    await ready(baseUrl, exited, options.readyWithinMs ?? 120_000, () => output);
  } catch (error) {
    await end('SIGKILL');
    throw error;
  }
  return { baseUrl, port, killNine: () => end('SIGKILL'), stop: () => end('SIGTERM'), output: () => output };
}

/** Every product this process started and has not ended yet: SIGKILL (afterAll, whatever happened). */
export async function killAllProducts(): Promise<void> {
  for (const group of [...running]) {
    killGroup(group, 'SIGKILL');
    running.delete(group);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

function killGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // already gone
  }
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

async function ready(baseUrl: string, exited: Promise<void>, withinMs: number, describe: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the product exited before it answered:\n${describe()}`);
    try {
      if ((await fetch(`${baseUrl}/__local/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await pause(100);
  }
  throw new Error(`the product did not answer within ${withinMs} ms:\n${describe()}`);
}

/** Resolves once nothing listens on the port any more (the killed server's socket is closed with the process). */
async function portClosed(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const listening = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (!listening) return;
    await pause(50);
  }
  throw new Error(`port ${port} still answers after the product was killed`);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
