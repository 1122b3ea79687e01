/**
 * `npm start`: build what is missing or stale, open the local cloud on its SQLite data, seed the demo
 * district on first run, and serve the h5 app and the cloud functions on one localhost port.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { roleLabels } from '../src/contract/people';
import type { Role } from '../src/contract/people';
import { startHttpServer, isLoopback } from '../localcloud/http/server';
import { scheduleTriggers } from '../localcloud/triggers';
import { buildCloudFunctions } from './build-cloud';
import { openLocalCloud } from './open-local-cloud';
import { dataDirFromEnv, h5Root, projectRoot } from './paths';
import { seedDemoDistrict } from './seed/seed';

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const port = Number(process.env.PORT ?? 8720);
  const host = process.env.HOST ?? '127.0.0.1';
  const allowRemoteSignIn = args.has('--allow-remote-signin');
  if (!isLoopback(host) && allowRemoteSignIn) {
    console.warn('⚠️  警告：已用 --allow-remote-signin 在非本机地址开放“本地演示登录”，任何能访问此端口的人都能冒充演示人员。仅限演示环境！');
  }

  if (!args.has('--no-build')) {
    if (h5IsStale()) {
      console.log('构建 h5 应用（首次约 30–60 秒）…');
      const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      if (result.status !== 0) throw new Error('h5 build failed');
    }
    console.log('构建云函数…');
    await buildCloudFunctions({ quiet: true });
  }

  const cloud = openLocalCloud({ functionsFrom: 'build' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk');
  const seeded = await seedDemoDistrict(sdk.database(), new Date());
  const server = await startHttpServer({ cloud, staticRoot: h5Root, host, port, allowRemoteSignIn, log: (line) => console.error(line) });
  const stopTriggers = scheduleTriggers(cloud.functions, cloud.env, (message) => console.error(message));

  const { data: people } = await sdk.database().collection('people').where({ demo: true }).orderBy('demoOrder', 'asc').get();
  console.log('');
  console.log(`共建 已启动：${cloud.baseUrl}/`);
  console.log(`数据目录：${path.relative(projectRoot, dataDirFromEnv())}/${seeded ? '（已写入演示数据）' : '（沿用已有数据；npm run reset 可重新开始）'}`);
  console.log(`云函数：${cloud.functions.names().join('、')}`);
  console.log('演示人员（在“本地演示登录”页选择）：');
  for (const person of people as Array<{ name: string; openid: string; grants: Array<{ role: Role; scopeName: string; approved: boolean }> }>) {
    const grants = person.grants.map((grant) => `${roleLabels[grant.role]}·${grant.scopeName}${grant.approved ? '' : '（待审批）'}`).join('；');
    console.log(`  ${person.name.padEnd(4, '　')} ${grants}`);
  }
  console.log('按 Ctrl+C 停止。');

  const stop = () => {
    stopTriggers();
    server.close();
    cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The h5 build is stale when any source file is newer than its index.html. */
function h5IsStale(): boolean {
  const index = path.join(h5Root, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? newer(full) : statSync(full).mtimeMs > built;
    });
  return ['src', 'config'].some((dir) => newer(path.join(projectRoot, dir)));
}

main().catch((error: unknown) => {
  console.error('启动失败 (start failed):', error);
  process.exit(1);
});
