import { randomInt } from 'node:crypto';

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new code for a unit (`U…`) or an org (`O…`) that was given none: eight characters, no look-alike letters. */
export const newEntityCode = (prefix: 'U' | 'O') => `${prefix}${Array.from({ length: 7 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('')}`;
