import type { IncomingMessage } from 'node:http';
import { errorMessages } from '../../src/contract/errors';
import type { ErrorCode } from '../../src/contract/errors';

/** A body the server will not take: answered with this status and the error envelope, never a 500. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 408 | 413 | 415,
    readonly code: ErrorCode,
    /** For people, in Chinese. */
    readonly userMessage: string,
  ) {
    super(`${status} ${code}: ${userMessage}`);
  }
}

export interface BodyLimits {
  readonly maxBytes: number;
  /** The whole body must arrive within this time (not an idle timeout: trickling a byte at a time does not help). */
  readonly timeoutMs: number;
}

/** JSON nested deeper than this is refused before it is parsed: no real action input comes near it. */
export const MAX_JSON_DEPTH = 64;

const tooLarge = () => new BodyError(413, 'PAYLOAD_TOO_LARGE', errorMessages.PAYLOAD_TOO_LARGE);

/** Read a raw body of at most `maxBytes`, arriving within `timeoutMs`. */
export function readRawBody(request: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: BodyError | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onClose);
      request.off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) finish(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => finish(undefined);
    const onClose = () => finish(new BodyError(400, 'INVALID_INPUT', '提交中断，请检查网络后重试'));
    const timer = setTimeout(() => finish(new BodyError(408, 'INVALID_INPUT', `提交超时：内容没有在 ${Math.round(limits.timeoutMs / 1000)} 秒内传完，请检查网络后重试`)), limits.timeoutMs);
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onClose);
    request.on('close', onClose);
  });
}

/** Read a JSON body: `application/json`, within the limits, at most MAX_JSON_DEPTH deep, valid JSON. */
export async function readJsonBody(request: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new BodyError(415, 'INVALID_INPUT', '请以 JSON 格式提交（content-type: application/json）');
  const text = (await readRawBody(request, limits)).toString('utf8');
  if (nestingDepthExceeds(text, MAX_JSON_DEPTH)) throw new BodyError(400, 'INVALID_INPUT', `提交的内容层级太深（最多 ${MAX_JSON_DEPTH} 层）`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'INVALID_INPUT', errorMessages.INVALID_INPUT);
  }
}

/** Whether JSON text opens more than `max` arrays or objects inside one another (brackets in strings do not count). */
export function nestingDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > max) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return false;
}
