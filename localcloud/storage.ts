import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LocalCloudError } from './functions';
import { StorageOwners } from './storageOwners';

/**
 * The key that signs temporary URLs, kept beside the files (generated once, random), so that a link
 * given out as valid for 24 hours still opens after a restart. No cloud path can name it.
 */
const SIGNING_KEY_FILE = '.signing-key';
/** Who uploaded each file (storageOwners.ts); no cloud path can name it either. */
const OWNERS_FILE = '.owners.json';
const RESERVED_NAMES: ReadonlySet<string> = new Set([SIGNING_KEY_FILE, OWNERS_FILE, `${OWNERS_FILE}.tmp`]);

/** wx-server-sdk's STORAGE_PERMISSION_DENIED. */
const PERMISSION_DENIED = -503002;

/**
 * Cloud storage on local disk: `cloud://<env>.<bucket>/<cloudPath>` file ids, signed temporary URLs,
 * and WeChat's "仅创建者可写" permission for uploads made by a person (`uploader`, their openid): only
 * they may overwrite or delete the file. Calls without an uploader are a cloud function's, which
 * WeChat does not check.
 */
export class LocalStorage {
  private readonly secret: Buffer;
  private readonly prefix: string;
  private readonly owners: StorageOwners;

  constructor(
    private readonly root: string,
    env: string,
    private readonly baseUrl: () => string,
  ) {
    mkdirSync(root, { recursive: true });
    this.prefix = `cloud://${env}.local-bucket/`;
    this.secret = signingKey(path.join(root, SIGNING_KEY_FILE));
    this.owners = new StorageOwners(path.join(root, OWNERS_FILE));
  }

  upload(cloudPath: string, content: Buffer, uploader?: string): { fileID: string; statusCode: number; errMsg: string } {
    const safe = normaliseCloudPath(cloudPath);
    const file = path.join(this.root, safe);
    if (!this.owners.mayWrite(safe, existsSync(file), uploader)) {
      throw new LocalCloudError(PERMISSION_DENIED, `uploadFile:fail storage permission denied: only the uploader may overwrite ${this.prefix + safe}`);
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    this.owners.uploaded(safe, uploader);
    return { fileID: this.prefix + safe, statusCode: 200, errMsg: 'uploadFile:ok' };
  }

  download(fileID: string): { fileContent: Buffer; statusCode: number; errMsg: string } {
    const file = this.fileOf(fileID);
    if (!file || !existsSync(file)) throw new LocalCloudError(-503003, `downloadFile:fail file not exist: ${fileID}`);
    return { fileContent: readFileSync(file), statusCode: 200, errMsg: 'downloadFile:ok' };
  }

  tempUrls(fileList: ReadonlyArray<string | { fileID: string; maxAge?: number }>) {
    return {
      fileList: fileList.map((item) => {
        const fileID = typeof item === 'string' ? item : item.fileID;
        const maxAge = typeof item === 'string' ? 86400 : item.maxAge ?? 86400;
        const file = this.fileOf(fileID);
        if (!file || !existsSync(file)) return { fileID, tempFileURL: '', maxAge, status: -503003, errMsg: 'file not exist' };
        const relative = fileID.slice(this.prefix.length);
        const expires = Date.now() + maxAge * 1000;
        const url = `${this.baseUrl()}/__local/files/${relative.split('/').map(encodeURIComponent).join('/')}?e=${expires}&s=${this.sign(relative, expires)}`;
        return { fileID, tempFileURL: url, maxAge, status: 0, errMsg: 'ok' };
      }),
      errMsg: 'getTempFileURL:ok',
    };
  }

  remove(fileList: readonly string[], requester?: string) {
    return {
      fileList: fileList.map((fileID) => {
        const file = this.fileOf(fileID);
        if (!file || !existsSync(file)) return { fileID, status: -503003, errMsg: 'file not exist' };
        const relative = fileID.slice(this.prefix.length);
        const safe = normaliseCloudPath(relative);
        if (!this.owners.mayWrite(safe, true, requester)) return { fileID, status: PERMISSION_DENIED, errMsg: 'storage permission denied: only the uploader may delete it' };
        rmSync(file);
        this.owners.removed(safe);
        return { fileID, status: 0, errMsg: 'ok' };
      }),
      errMsg: 'deleteFile:ok',
    };
  }

  /** The file behind a signed temporary URL, or undefined when the signature is wrong or expired. */
  resolveSigned(relative: string, expires: number, signature: string, now = Date.now()): string | undefined {
    if (!(expires > now)) return undefined;
    const expected = Buffer.from(this.sign(relative, expires));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const file = this.fileOf(this.prefix + relative);
    return file && existsSync(file) ? file : undefined;
  }

  /** Bytes stored under a cloud path folder (e.g. one person's uploads), for quotas. */
  bytesUnder(folder: string): number {
    let dir: string;
    try {
      dir = path.join(this.root, normaliseCloudPath(folder));
    } catch {
      return 0;
    }
    const walk = (current: string): number => {
      if (!existsSync(current)) return 0;
      let total = 0;
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        const child = path.join(current, entry.name);
        total += entry.isDirectory() ? walk(child) : entry.isFile() ? statSync(child).size : 0;
      }
      return total;
    };
    return walk(dir);
  }

  private sign(relative: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${relative}\n${expires}`).digest('hex').slice(0, 32);
  }

  private fileOf(fileID: string): string | undefined {
    if (!fileID.startsWith(this.prefix)) return undefined;
    try {
      return path.join(this.root, normaliseCloudPath(fileID.slice(this.prefix.length)));
    } catch {
      return undefined;
    }
  }
}

/** The signing key in `file`, created there (random, owner-only) the first time. */
function signingKey(file: string): Buffer {
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length < 32) throw new Error(`the signing key in ${file} is damaged: delete it to make a new one (links given out stop working)`);
  return key;
}

function normaliseCloudPath(cloudPath: string): string {
  const parts = cloudPath.split('/').filter((part) => part.length > 0);
  if (parts[0] !== undefined && RESERVED_NAMES.has(parts[0])) throw new LocalCloudError(-503001, `uploadFile:fail invalid cloudPath: ${cloudPath}`);
  if (parts.length === 0 || parts.some((part) => part === '.' || part === '..' || part.includes('\\') || part.includes('\0'))) {
    throw new LocalCloudError(-503001, `uploadFile:fail invalid cloudPath: ${cloudPath}`);
  }
  return parts.join('/');
}
