/**
 * The entry of a bench part run in a child process (see inChild.ts): runs the part, sends its
 * figures over the IPC channel and exits.
 */
import type { Figure } from './stats';

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
