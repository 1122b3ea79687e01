import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { currentContext } from './context';
import type { WXContext } from './context';
import type { FunctionRegistry } from './functions';
import { LocalCloudError } from './functions';
import type { Outbox, SubscribeMessage } from './outbox';
import type { LocalStorage } from './storage';
import type { GetUnlimitedParams } from './wxacode';
import { getUnlimited } from './wxacode';

/** The parts of the local cloud the SDK patch answers from. */
export interface PatchTargets {
  readonly env: string;
  readonly functions: FunctionRegistry;
  readonly storage: LocalStorage;
  readonly outbox: Outbox;
  readonly baseUrl: () => string;
  readonly knownPages: () => readonly string[];
  readonly now: () => Date;
  /** Charge one call to the running function's latency model (a promise when latency is slept). */
  readonly charge: (kind: 'openapi' | 'storage') => Promise<void> | undefined;
}

type SdkModule = Record<string, unknown>;
const patchedKeys = ['getWXContext', 'callFunction', 'uploadFile', 'downloadFile', 'getTempFileURL', 'deleteFile', 'openapi', 'localCloudNow'] as const;

/**
 * Point the real `wx-server-sdk` module at the local cloud for everything but the database
 * (which localcloud/db answers through the SDK's own request layer). Returns the undo.
 */
export function patchSdk(sdk: SdkModule, targets: PatchTargets): () => void {
  const saved = new Map(patchedKeys.map((key) => [key, sdk[key]]));
  const ok = <T extends object>(work: () => Promise<T> | T) => Promise.resolve().then(work);
  /** A network call of the function: charged before it runs (refused once the function has timed out). */
  const call =
    (kind: 'openapi' | 'storage') =>
    <T extends object>(work: () => Promise<T> | T): Promise<T> =>
      Promise.resolve()
        .then(() => targets.charge(kind))
        .then(work);
  const api = call('openapi');
  const stored = call('storage');

  // The local cloud's clock, read by the functions (server/runtime/context.ts platformNow) instead of
  // the process's, so a bench or a test can run them at the day it means. Absent in WeChat.
  sdk.localCloudNow = () => targets.now();
  sdk.getWXContext = () => ({ ...currentContext() });
  sdk.callFunction = (param: { name: string; data?: unknown }) =>
    ok(async () => {
      const caller = currentContext();
      const context: WXContext = { ...caller, ENV: targets.env, SOURCE: 'wx_server' };
      const result = await targets.functions.invoke(param.name, param.data ?? {}, context);
      return { result, errMsg: 'cloud.callFunction:ok', requestID: randomUUID() };
    });
  sdk.uploadFile = (param: { cloudPath: string; fileContent: Buffer | Readable | string }) =>
    stored(async () => targets.storage.upload(param.cloudPath, await toBuffer(param.fileContent)));
  sdk.downloadFile = (param: { fileID: string }) => stored(() => targets.storage.download(param.fileID));
  sdk.getTempFileURL = (param: { fileList: Array<string | { fileID: string; maxAge?: number }> }) =>
    stored(() => targets.storage.tempUrls(param.fileList ?? []));
  sdk.deleteFile = (param: { fileList: string[] }) => stored(() => targets.storage.remove(param.fileList ?? []));
  sdk.openapi = {
    subscribeMessage: {
      send: (message: SubscribeMessage) => api(() => targets.outbox.send(message, targets.now())),
    },
    wxacode: {
      getUnlimited: (params: GetUnlimitedParams) => api(() => getUnlimited(params, targets.baseUrl(), targets.knownPages())),
    },
  };

  return () => {
    for (const [key, value] of saved) sdk[key] = value;
  };
}

async function toBuffer(content: Buffer | Readable | string): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  if (typeof content === 'string') return Buffer.from(content);
  if (content && typeof (content as Readable).on === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return Buffer.concat(chunks);
  }
  throw new LocalCloudError(-503001, 'uploadFile:fail fileContent must be a Buffer or a stream');
}
