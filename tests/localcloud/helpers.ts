/**
 * Test harness: a LocalDatabase installed into the real wx-server-sdk, which
 * the suites drive exclusively through `require('wx-server-sdk')`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installLocalDatabase, LocalDatabase, type CollectionSpec, type IndexSpec } from '../../localcloud/db';

/** wx-server-sdk's own typings declare `Promise<T> | void | string` results; the suites use it untyped. */
export type Sdk = any;

export interface Harness {
  readonly local: LocalDatabase;
  readonly cloud: Sdk;
  readonly db: Sdk;
  /** db.command */
  readonly _: Sdk;
  /** db.command.aggregate */
  readonly $: Sdk;
  close(): void;
}

export function spec(name: string, indexes: IndexSpec[] = []): CollectionSpec {
  return { name, description: `test collection ${name}`, indexes };
}

export function startLocalCloud(specs: CollectionSpec[], file = ':memory:'): Harness {
  const local = new LocalDatabase({ file });
  for (const collection of specs) local.ensureCollection(collection);
  return attach(local);
}

/** Installs an existing LocalDatabase and returns the SDK handles. */
export function attach(local: LocalDatabase): Harness {
  const uninstall = installLocalDatabase(local);
  const cloud: Sdk = require('wx-server-sdk');
  cloud.init({ env: 'local' });
  const db: Sdk = cloud.database();
  return {
    local,
    cloud,
    db,
    _: db.command,
    $: db.command.aggregate,
    close: () => {
      uninstall();
      local.close();
    },
  };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-'));
}

export interface ExpectedError {
  readonly errCode: number;
  /** Exact errMsg, or a pattern it must match. */
  readonly errMsg: string | RegExp;
}

/** Awaits a rejected SDK call and checks errCode / errMsg as the SDK reports them. */
export async function expectCloudError(promise: Promise<unknown>, expected: ExpectedError): Promise<Sdk> {
  let caught: Sdk;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeDefined();
  expect(caught.errCode).toBe(expected.errCode);
  if (typeof expected.errMsg === 'string') expect(caught.errMsg).toBe(expected.errMsg);
  else expect(caught.errMsg).toMatch(expected.errMsg);
  return caught;
}

export const COLLECTION_NOT_EXISTS =
  'database collection not exists. [ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.';
