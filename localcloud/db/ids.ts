/**
 * Document ids like the cloud's in shape: 32 lowercase hex characters. Unlike WeChat's they are
 * wholly random: an id tells nothing about when or in which order its document was created
 * (anonymous survey documents must not reveal their order: `unlinkable` in indexSpec.ts).
 */
import { randomBytes } from 'node:crypto';

export function newDocumentId(): string {
  return randomBytes(16).toString('hex');
}

let requestCounter = 0;

export function newRequestId(): string {
  requestCounter += 1;
  return `local-${Date.now().toString(36)}-${requestCounter.toString(36)}`;
}

export function newTransactionId(): string {
  return `local-tx-${randomBytes(12).toString('hex')}`;
}
