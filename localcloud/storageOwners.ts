import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Who uploaded each stored file, for the storage permission WeChat applies to mini-program uploads
 * ("所有用户可读，仅创建者可读写" / "仅创建者可写"): a person may overwrite or delete only files they
 * uploaded. Cloud functions act with administrator rights and are never checked. Kept in one JSON
 * file beside the files so that it survives a restart.
 */
export class StorageOwners {
  private readonly owners: Map<string, string>;

  constructor(private readonly file: string) {
    this.owners = new Map(existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : []);
  }

  ownerOf(cloudPath: string): string | undefined {
    return this.owners.get(cloudPath);
  }

  /** True when `uploader` (a person's openid; undefined for a cloud function) may write or delete `cloudPath`. */
  mayWrite(cloudPath: string, exists: boolean, uploader: string | undefined): boolean {
    if (uploader === undefined || !exists) return true;
    return this.owners.get(cloudPath) === uploader;
  }

  /** Records the uploader of a new file (a function's upload keeps whatever owner the file had). */
  uploaded(cloudPath: string, uploader: string | undefined): void {
    if (uploader === undefined || this.owners.get(cloudPath) === uploader) return;
    this.owners.set(cloudPath, uploader);
    this.save();
  }

  removed(cloudPath: string): void {
    if (this.owners.delete(cloudPath)) this.save();
  }

  private save(): void {
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.owners)), { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}
