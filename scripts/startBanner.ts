import path from 'node:path';
import type { DemoPerson } from '../src/contract/localSignIn';
import { roleLabels } from '../src/contract/people';

export interface StartBannerInput {
  readonly baseUrl: string;
  /** Where the local cloud keeps its data; printed absolute, so it can be opened or backed up from anywhere. */
  readonly dataDir: string;
  readonly seeded: boolean;
  readonly functionNames: readonly string[];
  readonly people: readonly DemoPerson[];
}

/** What `npm start` prints once the product is up (Chinese, for the person who started it). */
export function startBanner(input: StartBannerInput): string[] {
  return [
    '',
    `共建 已启动：${input.baseUrl}/`,
    `数据目录：${path.resolve(input.dataDir)}${input.seeded ? '（已写入演示数据）' : '（沿用已有数据；npm run reset 可重新开始）'}`,
    `云函数：${input.functionNames.join('、')}`,
    '演示人员（在“本地演示登录”页选择）：',
    ...input.people.map((person) => `  ${person.name.padEnd(4, '　')} ${person.grants.map((grant) => `${roleLabels[grant.role]}·${grant.scopeName}${grant.approved ? '' : '（待审批）'}`).join('；')}`),
    '按 Ctrl+C 停止。',
  ];
}
