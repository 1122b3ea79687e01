/**
 * One-time ballot codes (评议码) a party leader hands out for a group, e.g. to employees without
 * WeChat or to make sure only the business owner answers as the owner. A code is ten characters of
 * Crockford base32: two for its number within the group, eight for a keyed check (40 bits) that only
 * the server can make, so a tampered or invented code is refused without looking anything up.
 * Shown as `XXXXX-XXXXX`; typing is forgiving (case, spaces, dashes, O for 0, I and L for 1).
 */
export const BALLOT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BALLOT_CODE_LENGTH = 10;
export const MAX_CODES_PER_GROUP = 1000;
export const MAX_CODES_PER_ISSUE = 200;

export function normaliseBallotCode(raw: string): string | undefined {
  const code = raw
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== BALLOT_CODE_LENGTH) return undefined;
  for (const char of code) if (!BALLOT_ALPHABET.includes(char)) return undefined;
  return code;
}

export function formatBallotCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function encodeCodeNumber(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_CODES_PER_GROUP) throw new RangeError(`ballot code number out of range: ${index}`);
  return BALLOT_ALPHABET[Math.floor(index / 32)]! + BALLOT_ALPHABET[index % 32]!;
}

/** Eight characters from the first five bytes (40 bits) of a keyed hash. Plain numbers: 2^40 is exact in a double. */
export function checkCharsOf(digest: Uint8Array): string {
  let bits = 0;
  for (let index = 0; index < 5; index += 1) bits = bits * 256 + (digest[index] ?? 0);
  let out = '';
  for (let index = 7; index >= 0; index -= 1) out += BALLOT_ALPHABET[Math.floor(bits / 32 ** index) % 32];
  return out;
}

export function composeBallotCode(index: number, checkChars: string): string {
  return encodeCodeNumber(index) + checkChars;
}

/** The number and check of a normalised code; undefined when the number is out of range. */
export function splitBallotCode(code: string): { readonly index: number; readonly check: string } | undefined {
  const high = BALLOT_ALPHABET.indexOf(code[0] ?? '');
  const low = BALLOT_ALPHABET.indexOf(code[1] ?? '');
  if (high < 0 || low < 0) return undefined;
  const index = high * 32 + low;
  return index < MAX_CODES_PER_GROUP ? { index, check: code.slice(2) } : undefined;
}
