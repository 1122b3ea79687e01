/**
 * Runs parts of the bench in a child process of their own (child.ts is its entry), which ends with them:
 * - `weapp`: miniprogram-ci leaves file watchers behind that would keep `npm run bench` alive for ever;
 * - `points-scale <pairings>`: each size of the district on a fresh process, with a capped heap, so
 *   the peak memory is one district's and not the sum of everything the bench did before.
 * The child sends its figures over the IPC channel and exits; the parent ends it if it lingers.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { Figure } from './stats';

export interface ChildOptions {
  /** V8's old-space limit for the child, in MB (the bench stays under 1 GB). */
  readonly heapMb?: number;
  /** The child is ended (SIGKILL) when it has not answered by then. */
  readonly timeoutMs: number;
}

/** Runs `section` with `args` in a child process (entry: child.ts) and answers its figures. */
export function inChild(section: string, args: readonly string[], options: ChildOptions): Promise<Figure[]> {
  return new Promise((resolve, reject) => {
    const execArgv = [...process.execArgv, ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [])];
    const child = fork(path.join(__dirname, 'child.ts'), [section, ...args], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let figures: Figure[] | undefined;
    let failure: string | undefined;
    const timer = setTimeout(() => {
      failure = `bench part ${section} did not finish within ${Math.round(options.timeoutMs / 1000)} s`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('message', (message: { figures?: Figure[]; error?: string }) => {
      if (message.error) failure = message.error;
      else figures = message.figures;
      // It has answered: whatever it still holds open (watchers, timers) must not keep it.
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (figures) resolve(figures);
      else reject(new Error(failure ?? `bench part ${section} exited (${code ?? signal}) without figures`));
    });
  });
}
