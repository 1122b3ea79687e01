/**
 * What a person waits for on WeChat is the database round trips a function makes one after another,
 * 20–80 ms each; requests sent together cost one. The local cloud measures that sequence per
 * invocation (`dbRoundTrips`), and refuses what WeChat's basic environment refuses: more database
 * requests at once than its 20 concurrent connections (-501004).
 */
import { LocalCloud } from '../../localcloud';
import type { LocalFunction } from '../../localcloud';
import { DATABASE_CONNECTIONS, resolveLimits } from '../../localcloud/limits';
import { wxServerSdk } from '../../localcloud/sdk';
import { collections } from '../../server/db/collections';

const units = () => wxServerSdk().database().collection('units');
const read = () => units().where({ streetId: 'none' }).count();

/** Runs `plan`: each number a step in sequence, sending that many requests together. */
const stepper: LocalFunction = {
  name: 'stepper',
  triggers: [],
  main: async (event) => {
    const { steps } = event as { steps: number[] };
    for (const together of steps) await Promise.all(Array.from({ length: together }, read));
    return { steps: steps.length };
  },
};

/** Two branches side by side: one of three requests in sequence, one of a single request. */
const branches: LocalFunction = {
  name: 'branches',
  triggers: [],
  main: async () => {
    await Promise.all([(async () => {
      await read();
      await read();
      await read();
    })(), read()]);
    return {};
  },
};

/** A transaction: its start, each of its requests and its commit come one after another. */
const transaction: LocalFunction = {
  name: 'transaction',
  triggers: [],
  main: async () => {
    const db = wxServerSdk().database();
    const tx = await db.startTransaction();
    await tx.collection('units').add({ data: { _id: 'u-tx', name: '事务单位' } });
    await tx.collection('units').doc('u-tx').update({ data: { name: '事务单位（改）' } });
    await tx.commit();
    return {};
  },
};

/** Sends `together` requests at once and says how each ended. */
const flood: LocalFunction = {
  name: 'flood',
  triggers: [],
  main: async (event) => {
    const { together } = event as { together: number };
    const settled = await Promise.allSettled(Array.from({ length: together }, read));
    return settled.map((outcome) => (outcome.status === 'fulfilled' ? 'ok' : String((outcome.reason as { errCode?: number }).errCode)));
  },
};

describe('database round trips in sequence, per invocation', () => {
  let cloud: LocalCloud;
  beforeEach(() => {
    cloud = new LocalCloud({ dataDir: null, collections, functions: [stepper, branches, transaction, flood] });
  });
  afterEach(() => cloud.close());

  it('counts requests sent one after another each, and requests sent together once', async () => {
    await cloud.callAs('openid-a', 'stepper', { steps: [1, 1, 1] });
    expect(cloud.functions.lastInvocation('stepper')).toMatchObject({ dbRequests: 3, dbRoundTrips: 3, dbMostInFlight: 1 });
    await cloud.callAs('openid-a', 'stepper', { steps: [5] });
    expect(cloud.functions.lastInvocation('stepper')).toMatchObject({ dbRequests: 5, dbRoundTrips: 1, dbMostInFlight: 5 });
    await cloud.callAs('openid-a', 'stepper', { steps: [1, 4, 2] });
    expect(cloud.functions.lastInvocation('stepper')).toMatchObject({ dbRequests: 7, dbRoundTrips: 3, dbMostInFlight: 4 });
  });

  it('the longest branch is the sequence', async () => {
    await cloud.callAs('openid-a', 'branches', {});
    expect(cloud.functions.lastInvocation('branches')).toMatchObject({ dbRequests: 4, dbRoundTrips: 3, dbMostInFlight: 2 });
  });

  it('a transaction is its start, its requests and its commit in sequence', async () => {
    await cloud.callAs('openid-a', 'transaction', {});
    expect(cloud.functions.lastInvocation('transaction')).toMatchObject({ dbRequests: 4, dbRoundTrips: 4 });
    expect(((await units().doc('u-tx').get()) as { data: unknown }).data).toMatchObject({ name: '事务单位（改）' });
  });

  it('invocations running at the same time are measured apart', async () => {
    await Promise.all([cloud.callAs('openid-a', 'stepper', { steps: [1, 1, 1, 1] }), cloud.callAs('openid-b', 'branches', {})]);
    const [first, second] = cloud.functions.history.slice(-2);
    expect([first, second].map((account) => [account?.functionName, account?.dbRoundTrips]).sort()).toEqual([
      ['branches', 3],
      ['stepper', 4],
    ]);
  });

  it(`allows ${DATABASE_CONNECTIONS} requests at once and refuses the ones beyond with -501004, as WeChat's quota does`, async () => {
    expect(await cloud.callAs('openid-a', 'flood', { together: DATABASE_CONNECTIONS })).toEqual(Array(DATABASE_CONNECTIONS).fill('ok'));
    const outcomes = (await cloud.callAs('openid-a', 'flood', { together: DATABASE_CONNECTIONS + 3 })) as string[];
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(DATABASE_CONNECTIONS);
    expect(outcomes.slice(DATABASE_CONNECTIONS)).toEqual(['-501004', '-501004', '-501004']);
  });

  it('frees a connection when its request is answered: a hundred requests in waves of twenty all pass', async () => {
    await cloud.callAs('openid-a', 'stepper', { steps: [20, 20, 20, 20, 20] });
    expect(cloud.functions.lastInvocation('stepper')).toMatchObject({ dbRequests: 100, dbRoundTrips: 5, dbMostInFlight: 20 });
  });

  it('leaves requests outside any function alone (scripts and tests seeding data)', async () => {
    const settled = await Promise.allSettled(Array.from({ length: DATABASE_CONNECTIONS + 10 }, read));
    expect(settled.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
  });
});

describe('with the limits off', () => {
  it('GJ_LOCAL_LIMITS=off lifts the connection quota too', async () => {
    expect(resolveLimits({}, { GJ_LOCAL_LIMITS: 'off' } as unknown as NodeJS.ProcessEnv).databaseConnections).toBeNull();
    expect(resolveLimits({}, {} as unknown as NodeJS.ProcessEnv).databaseConnections).toBe(DATABASE_CONNECTIONS);
    const cloud = new LocalCloud({ dataDir: null, collections, functions: [flood], limits: { databaseConnections: null } });
    try {
      expect(await cloud.callAs('openid-a', 'flood', { together: DATABASE_CONNECTIONS + 5 })).toEqual(Array(DATABASE_CONNECTIONS + 5).fill('ok'));
    } finally {
      cloud.close();
    }
  });
});
