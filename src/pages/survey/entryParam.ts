/** The entry token from `?e=` (a link or share card) or from a mini-program code's `scene`. */
export function entryOf(params: Readonly<Record<string, string | undefined>>): string | undefined {
  const token = params['e'] ?? params['scene'];
  return token && /^[\w-]{16,32}$/.test(token) ? token : undefined;
}
