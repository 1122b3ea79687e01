/**
 * Parts of the bench that run in a child process of their own, and end with it:
 * - `weapp`: miniprogram-ci leaves file watchers behind that would keep `npm run bench` alive for ever;
 * - `points-scale <pairings>`: each size of the district on a fresh process, with a capped heap, so
 *   the peak memory is one district's and not the sum of everything the bench did before.
 * The child sends its figures over the IPC channel and exits; the parent ends it if it lingers.
 */
import { fork } from 'node:child_process';
import type { Figure } from './stats';

export interface ChildOptions {
  /** V8's old-space limit for the child, in MB (the bench stays under 1 GB). */
  readonly heapMb?: number;
  /** The child is ended (SIGKILL) when it has not answered by then. */
  readonly timeoutMs: number;
}

/** Runs `section` with `args` in a child process (this same file as entry) and answers its figures. */
export function inChild(section: string, args: readonly string[], options: ChildOptions): Promise<Figure[]> {
  return new Promise((resolve, reject) => {
    const execArgv = [...process.execArgv, ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [])];
    const child = fork(__filename, [section, ...args], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

async function runSection(section: string, args: readonly string[]): Promise<Figure[]> {
  switch (section) {
    case 'weapp': {
      const { codeQuality, weappPackageSizes } = await import('./weappSize');
      return [...weappPackageSizes(), ...(await codeQuality())];
    }
    case 'points-scale': {
      const { pointsAtPairings } = await import('./points');
      return pointsAtPairings(Number(args[0]));
    }
    default:
      throw new Error(`unknown bench part ${section}`);
  }
}

if (require.main === module && process.send) {
  const [section = '', ...args] = process.argv.slice(2);
  const send = (message: object) => process.send!(message, () => process.exit(0));
  runSection(section, args).then(
    (figures) => send({ figures }),
    (error: unknown) => send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
}
