/**
 * `npm start`: build what is missing or stale, open the local cloud on its SQLite data, seed the demo
 * district on first run, and serve the h5 app and the cloud functions on one localhost port.
 */
import { demoPeople } from '../localcloud/http/demoPeople';
import { startHttpServer, isLoopback } from '../localcloud/http/server';
import { wxServerSdk } from '../localcloud/sdk';
import { scheduleTriggers } from '../localcloud/triggers';
import { buildCloudFunctions } from './build-cloud';
import { ensureH5Build } from './build-h5';
import { openLocalCloud } from './open-local-cloud';
import { dataDirFromEnv, h5Root } from './paths';
import { seedDemoDistrict } from './seed/seed';
import { startBanner } from './startBanner';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const port = Number(process.env.PORT ?? 8720);
  const host = process.env.HOST ?? '127.0.0.1';
  const allowRemoteSignIn = args.has('--allow-remote-signin');
  // Host names (besides 127.0.0.1, localhost, [::1] and HOST) that the browser may use to reach this server,
  // e.g. `--allow-host=gongjian.lan`; any other name in the Host header is refused (DNS rebinding).
  const allowedHosts = argv.filter((arg) => arg.startsWith('--allow-host=')).flatMap((arg) => arg.slice('--allow-host='.length).split(','));
  if (!isLoopback(host) && allowRemoteSignIn) {
    console.warn('⚠️  警告：已用 --allow-remote-signin 在非本机地址开放“本地演示登录”，任何能访问此端口的人都能冒充演示人员。仅限演示环境！');
  }

  if (!args.has('--no-build')) {
    ensureH5Build();
    console.log('构建云函数…');
    await buildCloudFunctions({ quiet: true });
  }

  const cloud = openLocalCloud({ functionsFrom: 'build' });
  const sdk = wxServerSdk();
  const seeded = await seedDemoDistrict(sdk.database(), new Date());
  const server = await startHttpServer({ cloud, staticRoot: h5Root, host, port, allowRemoteSignIn, allowedHosts, log: (line) => console.error(line) });
  const stopTriggers = scheduleTriggers(cloud.functions, cloud.env, (message) => console.error(message));

  for (const line of startBanner({ baseUrl: cloud.baseUrl, dataDir: dataDirFromEnv(), seeded: seeded !== null, functionNames: cloud.functions.names(), people: demoPeople(cloud.db) })) console.log(line);

  const stop = () => {
    stopTriggers();
    server.close();
    cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('启动失败 (start failed):', error);
  process.exit(1);
});
