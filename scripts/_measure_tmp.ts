import { wxServerSdk } from '../localcloud/sdk';
import { openLocalCloud } from './open-local-cloud';
import { functionOf } from '../src/contract/actions';
import { seedThousandPairings, SCALE_OFFICE } from '../tests/weapp/support/district1000';

async function main() {
  const cloud = openLocalCloud({ dataDir: null, functionsFrom: 'source' });
  const db = wxServerSdk().database();
  const seeded = await seedThousandPairings(db, new Date());
  const call = async (action: string, input: unknown) => {
    const t = Date.now();
    const res = await cloud.callAs(SCALE_OFFICE, functionOf(action as never), { action, input });
    const bytes = Buffer.byteLength(JSON.stringify(res));
    console.log(action, JSON.stringify(input), bytes, 'B', Date.now() - t, 'ms', (res as any).ok === false ? JSON.stringify(res) : '');
    return res as any;
  };
  await call('points.table', {});
  await call('points.assessment', {});
  await call('surveys.round', { roundId: seeded.roundId });
  await call('plans.list', { subjectType: 'unit' });
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const gen = await call('bulletins.generate', { year: now.getUTCFullYear(), quarter: q });
  if (gen.ok) await call('bulletins.get', { bulletinId: gen.data.bulletin?.id ?? gen.data.id });
  cloud.close();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
