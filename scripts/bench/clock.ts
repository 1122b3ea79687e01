/**
 * The bench's own clock. The cloud functions take `now` from `new Date()` (createFunction's default:
 * cloudfunctions/<name>/index.ts passes no clock, and the local cloud's `now` reaches only the SDK's
 * outbox), so a bench that means "5 January next year" has to stand the process's Date there, as
 * tests/support/clock.ts does with jest's fake timers. Unlike a frozen fake, this clock runs on from
 * the chosen instant at the real rate: time budgets, orderings and `Date.now()` differences behave.
 * Durations are measured with process.hrtime, which is left alone.
 */
const RealDate = globalThis.Date;

/** Stand the process's `Date` at `instant` (running on from there); returns the function that restores it. */
export function standAt(instant: Date): () => void {
  if (globalThis.Date !== RealDate) throw new Error('the bench clock is already moved');
  const offset = instant.getTime() - RealDate.now();
  const now = () => RealDate.now() + offset;
  function BenchDate(this: unknown, ...args: unknown[]): unknown {
    // Called without `new`, Date() gives the current time as a string.
    if (!new.target) return new RealDate(now()).toString();
    // The common shapes first: the functions make many dates, and this is on their path.
    if (new.target === BenchDate) {
      switch (args.length) {
        case 0:
          return new RealDate(now());
        case 1:
          return new RealDate(args[0] as number);
        default:
          return new RealDate(...(args as [number, number]));
      }
    }
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  // Same prototype: every date, made before or after, is `instanceof Date` either way.
  BenchDate.prototype = RealDate.prototype;
  Object.defineProperties(BenchDate, {
    now: { value: now, writable: true, configurable: true },
    UTC: { value: RealDate.UTC, writable: true, configurable: true },
    parse: { value: RealDate.parse, writable: true, configurable: true },
    name: { value: 'Date', configurable: true },
    length: { value: 7, configurable: true },
  });
  globalThis.Date = BenchDate as unknown as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}

/** Run `work` with the process's Date standing at `instant`, and put the real clock back afterwards. */
export async function atInstant<T>(instant: Date, work: () => Promise<T>): Promise<T> {
  const restore = standAt(instant);
  try {
    return await work();
  } finally {
    restore();
  }
}
