import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LocalCloudError } from './functions';

/** Cloud storage on local disk: `cloud://<env>.<bucket>/<cloudPath>` file ids, signed temporary URLs. */
export class LocalStorage {
  private readonly secret = randomBytes(16);
  private readonly prefix: string;

  constructor(
    private readonly root: string,
    env: string,
    private readonly baseUrl: () => string,
  ) {
    mkdirSync(root, { recursive: true });
    this.prefix = `cloud://${env}.local-bucket/`;
  }

  upload(cloudPath: string, content: Buffer): { fileID: string; statusCode: number; errMsg: string } {
    const safe = normaliseCloudPath(cloudPath);
    const file = path.join(this.root, safe);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
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

  remove(fileList: readonly string[]) {
    return {
      fileList: fileList.map((fileID) => {
        const file = this.fileOf(fileID);
        if (!file || !existsSync(file)) return { fileID, status: -503003, errMsg: 'file not exist' };
        rmSync(file);
        return { fileID, status: 0, errMsg: 'ok' };
      }),
      errMsg: 'deleteFile:ok',
    };
  }

  /** The file behind a signed temporary URL, or undefined when the signature is wrong or expired. */
  resolveSigned(relative: string, expires: number, signature: string, now = Date.now()): string | undefined {
    if (!(expires > now) || signature !== this.sign(relative, expires)) return undefined;
    const file = this.fileOf(this.prefix + relative);
    return file && existsSync(file) ? file : undefined;
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

function normaliseCloudPath(cloudPath: string): string {
  const parts = cloudPath.split('/').filter((part) => part.length > 0);
  if (parts.length === 0 || parts.some((part) => part === '.' || part === '..' || part.includes('\\') || part.includes('\0'))) {
    throw new LocalCloudError(-503001, `uploadFile:fail invalid cloudPath: ${cloudPath}`);
  }
  return parts.join('/');
}
