import type { LocalCloud } from '../../localcloud';
import { startHttpServer } from '../../localcloud/http/server';
import { h5Root } from '../paths';
import { percentile, timeEach } from './stats';
import type { Figure } from './stats';

/** Latency of the local cloud over HTTP, as the h5 app sees it: a typical read and a typical write. */
export async function httpLatency(cloud: LocalCloud, pairingId: string, today: string): Promise<Figure[]> {
  const server = await startHttpServer({ cloud, staticRoot: h5Root, host: '127.0.0.1', port: 0 });
  try {
    const base = cloud.baseUrl;
    const signIn = await fetch(`${base}/__local/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'demo-liming' }) });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const post = async (action: string, input: unknown) => {
      const response = await fetch(`${base}/api/call`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ action, input }) });
      const body = (await response.json()) as { ok: boolean };
      if (!body.ok) throw new Error(`${action} failed: ${JSON.stringify(body)}`);
    };
    await timeEach(20, () => post('records.home', {}));
    const reads = await timeEach(300, () => post('records.home', {}));
    const writes = await timeEach(300, (index) =>
      post('records.save', {
        clientKey: `latency-${Date.now().toString(36)}-${index}`,
        pairingId,
        kind: 'otherWork',
        date: today,
        contentAreas: ['activitySupport'],
        content: '联合开展主题党日',
        results: '参与员工 30 人',
        participants: { unit: { count: 3, names: [] }, org: { count: 30, names: [] } },
      }),
    );
    return [
      { name: 'HTTP read records.home p50', value: round(percentile(reads, 50)), unit: 'ms' },
      { name: 'HTTP read records.home p95', value: round(percentile(reads, 95)), unit: 'ms' },
      { name: 'HTTP write records.save p50', value: round(percentile(writes, 50)), unit: 'ms' },
      { name: 'HTTP write records.save p95', value: round(percentile(writes, 95)), unit: 'ms' },
    ];
  } finally {
    server.close();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
