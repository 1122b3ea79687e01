/**
 * Document ids like the cloud's: 32 lowercase hex characters, where characters
 * 9-16 are the creation time in seconds (so ids of one process roughly sort by
 * time, as in WeChat), the rest random.
 */
import { randomBytes } from 'node:crypto';

const prefix = randomBytes(4).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

export function newDocumentId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  counter = (counter + 1) % 0x1000000;
  return `${prefix}${seconds}${counter.toString(16).padStart(6, '0')}${randomBytes(5).toString('hex')}`;
}

let requestCounter = 0;

export function newRequestId(): string {
  requestCounter += 1;
  return `local-${Date.now().toString(36)}-${requestCounter.toString(36)}`;
}

export function newTransactionId(): string {
  return `local-tx-${randomBytes(12).toString('hex')}`;
}
