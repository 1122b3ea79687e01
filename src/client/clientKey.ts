/**
 * The key a record gets on the phone when writing starts (`records.save` is idempotent by it),
 * e.g. `m1abc2de-k3j4h5g6f7`; matches /^[\w-]{8,64}$/.
 */
export function newClientKey(now: number = Date.now(), random: () => number = Math.random): string {
  const tail = Array.from({ length: 10 }, () => Math.floor(random() * 36).toString(36)).join('');
  return `${now.toString(36)}-${tail}`;
}
