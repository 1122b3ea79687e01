/** Stand at a chosen instant: only Date is faked, timers and I/O run for real. */
export function standAt(instant: Date): void {
  jest.useFakeTimers({
    now: instant,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
}

export function moveTo(instant: Date): void {
  jest.setSystemTime(instant);
}

export function restoreClock(): void {
  jest.useRealTimers();
}
