import { randomBytes } from 'node:crypto';

/** An unguessable URL-safe token of 22 characters (128 bits); fits a mini-program code's 32-character scene. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}
