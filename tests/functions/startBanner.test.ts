import os from 'node:os';
import path from 'node:path';
import { dataDirFromEnv, projectRoot } from '../../scripts/paths';
import { startBanner } from '../../scripts/startBanner';

const input = { baseUrl: 'http://127.0.0.1:8720', seeded: true, functionNames: ['records', 'surveys'], people: [{ openid: 'demo-liming', name: '李明', grants: [{ role: 'unitStaff', scopeName: '区发展和改革局', approved: true }] }] } as const;

describe('npm start’s output', () => {
  const saved = process.env['GONGJIAN_DATA_DIR'];
  afterEach(() => {
    if (saved === undefined) delete process.env['GONGJIAN_DATA_DIR'];
    else process.env['GONGJIAN_DATA_DIR'] = saved;
  });

  it('prints the data folder as an absolute path, by default and when GONGJIAN_DATA_DIR is relative or elsewhere', () => {
    delete process.env['GONGJIAN_DATA_DIR'];
    expect(startBanner({ ...input, dataDir: dataDirFromEnv() })).toContain(`数据目录：${path.join(projectRoot, '.local-cloud')}（已写入演示数据）`);
    process.env['GONGJIAN_DATA_DIR'] = 'demo-data';
    expect(startBanner({ ...input, dataDir: dataDirFromEnv() })).toContain(`数据目录：${path.join(projectRoot, 'demo-data')}（已写入演示数据）`);
    const elsewhere = path.join(os.tmpdir(), 'gongjian-data');
    process.env['GONGJIAN_DATA_DIR'] = elsewhere;
    const line = startBanner({ ...input, seeded: false, dataDir: dataDirFromEnv() }).find((candidate) => candidate.startsWith('数据目录：'))!;
    expect(line).toBe(`数据目录：${elsewhere}（沿用已有数据；npm run reset 可重新开始）`);
    expect(path.isAbsolute(line.slice('数据目录：'.length, line.indexOf('（')))).toBe(true);
  });

  it('still prints the address, the functions and the demo people', () => {
    expect(startBanner({ ...input, dataDir: '/srv/gongjian' })).toEqual([
      '',
      '共建 已启动：http://127.0.0.1:8720/',
      '数据目录：/srv/gongjian（已写入演示数据）',
      '云函数：records、surveys',
      '演示人员（在“本地演示登录”页选择）：',
      '  李明　　 单位党群工作人员·区发展和改革局',
      '按 Ctrl+C 停止。',
    ]);
  });
});
