import { createHmac, randomBytes } from 'node:crypto';

/** An unguessable URL-safe token of 22 characters (128 bits); fits a mini-program code's 32-character scene. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A six-character code derived from a secret and a time window (rotating venue codes). */
export function windowCode(secret: string, window: number): string {
  const digest = createHmac('sha256', secret).update(String(window)).digest();
  return Array.from(digest.subarray(0, 6), (byte) => base32[byte % 32]).join('');
}
