import { visitRecord } from './builders';
import type { ActionInput, ActionName, ActionOutput } from '../../src/contract/actions';
import { functionOf } from '../../src/contract/actions';
import type { ActionResult } from '../../src/contract/result';
import type { LocalCloud } from '../../localcloud';
import { wxServerSdk } from '../../localcloud/sdk';
import { openLocalCloud } from '../../scripts/open-local-cloud';
import type { DemoDistrict } from '../../scripts/seed/demoDistrict';
import { seedDemoDistrict } from '../../scripts/seed/seed';
import { grantTestAllowances } from './allowances';
import { moveTo, restoreClock, standAt } from './clock';

export interface TestCloud {
  readonly cloud: LocalCloud;
  readonly district: DemoDistrict;
  /** Call an action as the person with this openid (undefined: no WeChat identity). */
  call<K extends ActionName>(openid: string | undefined, action: K, input: ActionInput<K>): Promise<ActionResult<ActionOutput<K>>>;
  /** Send any event, however malformed, to a function. */
  raw(openid: string | undefined, functionName: string, event: unknown): Promise<unknown>;
  /** Number of documents in a collection, read straight from the local database. */
  count(collection: string, where?: Record<string, unknown>): Promise<number>;
  close(): void;
}

/**
 * A fresh in-memory local cloud with the cloud functions from source and the demo district, every demo
 * person holding the subscription allowances of tests/support/allowances.ts (`allowances: false`: none).
 */
export async function openTestCloud(options: { now?: () => Date; allowances?: boolean } = {}): Promise<TestCloud> {
  const cloud = openLocalCloud({ dataDir: null, functionsFrom: 'source', ...(options.now ? { now: options.now } : {}) });
  const district = await seedDemoDistrict(wxServerSdk().database(), options.now?.() ?? new Date());
  if (!district) throw new Error('test cloud was not empty');
  if (options.allowances !== false) grantTestAllowances(cloud, district.people.map((person) => person.openid));
  return {
    cloud,
    district,
    call: (openid, action, input) => cloud.callAs(openid, functionOf(action), { action, input }) as never,
    raw: (openid, functionName, event) => cloud.callAs(openid, functionName, event),
    count: async (collection, where) => {
      const query = wxServerSdk().database().collection(collection);
      return ((await (where ? query.where(where) : query).count()) as { total: number }).total;
    },
    close: () => cloud.close(),
  };
}

/** Add a person with these grants straight into the database (a test builder, not an action). */
export async function addPerson(openid: string, name: string, grants: ReadonlyArray<{ role: string; scopeType: string; scopeId: string; scopeName?: string; approved?: boolean }>): Promise<void> {
  await wxServerSdk()
    .database()
    .collection('people')
    .add({ data: { _id: `person-${openid}`, openid, name, createdAt: new Date(), grants: grants.map((grant) => ({ scopeName: grant.scopeId, approved: true, ...grant })) } });
}

/** The data of a result that must have succeeded; a failure stops the test with its code and message. */
export function dataOf<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/**
 * The usual set-up of a function test: the clock stands at `at`, one test cloud with the demo district
 * is opened before the file's tests and closed after them. Read the cloud through the returned getter.
 */
export function useTestCloudAt(at: Date): () => TestCloud {
  let cloud: TestCloud | undefined;
  beforeAll(async () => {
    standAt(at);
    cloud = await openTestCloud();
  });
  afterAll(() => {
    cloud?.close();
    restoreClock();
  });
  return () => {
    if (!cloud) throw new Error('test cloud not open yet (use it inside a test)');
    return cloud;
  };
}

/**
 * `useTestCloudAt` with a clock the test moves on: it stands at `start` until `advance` moves it by
 * `ms`; `now` is where it stands (the instant to hand to code that takes the time as an input).
 */
export function useMovingTestCloud(start: Date): { cloud: () => TestCloud; now: () => Date; advance: (ms: number) => void } {
  const cloud = useTestCloudAt(start);
  let clock = start.getTime();
  return {
    cloud,
    now: () => new Date(clock),
    advance: (ms) => {
      clock += ms;
      moveTo(new Date(clock));
    },
  };
}

/** A visit record that `openid` saved and sent to the leader: what a confirm, dispute or withdraw starts from. */
export async function submittedVisit(t: TestCloud, openid: string, pairingId: string, date: string) {
  const saved = dataOf(await t.call(openid, 'records.save', visitRecord(pairingId, date)));
  return dataOf(await t.call(openid, 'records.submit', { recordId: saved.record.id, revision: 1 }));
}
