/**
 * Every cloud function, declared once: timeout, memory, runtime, timer trigger, openapi permissions,
 * and why. `npm run build:functions` writes each cloudfunctions/<name>/config.json and the deploy
 * guide's function table (README, 部署到微信) from this list; tests/functions/functionDeclarations
 * checks both equal it, and that every timeout covers the function's worst case at district scale
 * (1,000 pairings) under WeChat's worst latency (latency.ts).
 */
import { READ_REQUESTS_RESERVE, runBudgetFor } from '../messaging/runBudget';
import { modelledMs } from './latency';

export type FunctionName = 'activities' | 'admin' | 'bulletins' | 'feedback' | 'plans' | 'points' | 'records' | 'reminders' | 'session' | 'surveys';

/** The runtimes WeChat offers that load our bundles (`?.`, `??`: Node.js 16 or later). */
export type Runtime = 'Nodejs16.13' | 'Nodejs18.15' | 'Nodejs20.19' | 'Nodejs22.21';
export type OpenApi = 'subscribeMessage.send' | 'wxacode.getUnlimited';
export type MemoryMB = 128 | 256 | 512 | 1024 | 2048;

export interface TimerTrigger {
  readonly name: string;
  readonly type: 'timer';
  /** WeChat's 7 fields, China time: second minute hour day month weekday year. */
  readonly config: string;
}

/** The slowest call of a function at 1,000 pairings, in sequential steps (parallel requests inside one step count once). */
export interface WorstCase {
  readonly what: string;
  readonly dbRounds: number;
  readonly openapiRounds: number;
  /** `measured`: counted on the local cloud by a test; `estimated`: counted from the code. */
  readonly basis: 'measured' | 'estimated';
}

export interface FunctionDeclaration {
  readonly name: FunctionName;
  /** What the function does (Chinese, for the deploy guide). */
  readonly purpose: string;
  /** 1–60 seconds (WeChat's console range; 3 when not set). */
  readonly timeoutSeconds: number;
  readonly memoryMB: MemoryMB;
  readonly runtime: Runtime;
  readonly trigger?: TimerTrigger;
  readonly openapi: readonly OpenApi[];
  /** Why this timeout and memory (Chinese, for the deploy guide). */
  readonly why: string;
  readonly worstCase: WorstCase;
}

const runtime: Runtime = 'Nodejs20.19';

/** A reminder timer's run at its budget (messaging/runBudget.ts): the reads, then each wave's sends and two writes. */
function timerRun(timeoutSeconds: number, what: string): WorstCase {
  const { maxWaves } = runBudgetFor(timeoutSeconds);
  return { what, dbRounds: READ_REQUESTS_RESERVE + 2 * maxWaves, openapiRounds: maxWaves, basis: 'measured' };
}

export const functionDeclarations = [
  {
    name: 'activities',
    purpose: '季度联合活动：发布、现场扫码签到',
    timeoutSeconds: 10,
    memoryMB: 256,
    runtime,
    openapi: ['wxacode.getUnlimited'],
    why: '签到二维码需调用一次 wxacode，读写 3 次（实测）',
    worstCase: { what: 'activities.post 或 activities.venueCode（含现场签到小程序码）', dbRounds: 3, openapiRounds: 1, basis: 'measured' },
  },
  {
    name: 'admin',
    purpose: '后台管理：导入结对表、单位/组织/人员/邀请、审计记录',
    timeoutSeconds: 60,
    memoryMB: 512,
    runtime,
    openapi: [],
    why: '导入的预检解析 Excel（exceljs 需要内存）；导入每次调用最多工作约 30 秒，分多次调用完成',
    worstCase: { what: 'admin.importCommit 一次调用（工作预算 30 秒后停下，下次调用继续）', dbRounds: 375, openapiRounds: 0, basis: 'measured' },
  },
  {
    name: 'bulletins',
    purpose: '季度督办通报：生成、修改、发布、阅读',
    timeoutSeconds: 20,
    memoryMB: 256,
    runtime,
    openapi: [],
    why: '生成通报要读积分台账和该季度的记录（一次聚合读出，至多 10,000 条），读写至多 14 次、5 个顺序往返（实测）',
    worstCase: { what: 'bulletins.generate（1,000 个结对的区内一个街道或全区的季度通报，该季度 5,000 条工作记录）', dbRounds: 14, openapiRounds: 0, basis: 'measured' },
  },
  {
    name: 'feedback',
    purpose: '投诉建议：提交、答复（答复时发订阅消息）',
    timeoutSeconds: 10,
    memoryMB: 256,
    runtime,
    openapi: ['subscribeMessage.send'],
    why: '答复时发一条订阅消息，读写 7 次（实测）',
    worstCase: { what: 'feedback.answer（读写、审计、通知提出人）', dbRounds: 7, openapiRounds: 1, basis: 'measured' },
  },
  {
    name: 'plans',
    purpose: '工作方案：保存、提交、审阅、截止日期；每天 10:00–10:50 每 10 分钟发截止提醒（发完即停）',
    timeoutSeconds: 60,
    memoryMB: 256,
    runtime,
    trigger: { name: 'planReminders', type: 'timer', config: '0 */10 10 * * * *' },
    openapi: ['subscribeMessage.send'],
    why: '截止提醒可能有数千条：每次运行最多工作约 45 秒（并发发送），没发完的下一次运行接着发',
    worstCase: timerRun(60, '截止提醒一次运行，到工作预算为止（1,000 个单位，每单位 3 人）'),
  },
  {
    name: 'points',
    purpose: '积分、自评、考核、看板、导出',
    timeoutSeconds: 20,
    memoryMB: 512,
    runtime,
    // Every hour on the hour: sync the ledger with the records that changed, rebuild the chunk built longest ago (every chunk within 16 hours).
    trigger: { name: 'pointsLedger', type: 'timer', config: '0 0 * * * * *' },
    openapi: [],
    why: '没有可用台账时（第一次、或部署新版本后）定时任务从记录建两年的积分台账（读写 44 次，实测；平时每小时只重建一块），导出 Excel（exceljs 需要内存）需要几秒',
    worstCase: { what: '积分台账定时任务没有可用台账时的运行（全区 1,000 个结对，从记录建今年和去年的台账）；每小时的运行和全区积分表读写更少', dbRounds: 44, openapiRounds: 0, basis: 'measured' },
  },
  {
    name: 'records',
    purpose: '积分行动记录本：首页、签到、记录、提交、确认、异议（提交时通知负责人）',
    timeoutSeconds: 10,
    memoryMB: 256,
    runtime,
    openapi: ['subscribeMessage.send', 'wxacode.getUnlimited'],
    why: '提交时通知负责人、生成确认小程序码，读写 3 次（实测）',
    worstCase: { what: 'records.submit（读写记录与历史、通知负责人）或 records.confirmLink（确认小程序码）', dbRounds: 3, openapiRounds: 1, basis: 'measured' },
  },
  {
    name: 'reminders',
    purpose: '到访/联合活动到期提醒、待确认提醒：每天 9:00–9:50 每 10 分钟运行（发完即停）',
    timeoutSeconds: 60,
    memoryMB: 256,
    runtime,
    trigger: { name: 'dailyReminders', type: 'timer', config: '0 */10 9 * * * *' },
    openapi: ['subscribeMessage.send'],
    why: '全区每天可能有数千条提醒：每次运行最多工作约 45 秒（并发发送），没发完的下一次运行接着发',
    worstCase: timerRun(60, '一次运行，到工作预算为止（1,000 个结对，每单位 3 人，月底）'),
  },
  {
    name: 'session',
    purpose: '登录身份、加入（邀请码）、邀请二维码、负责人审核',
    timeoutSeconds: 10,
    memoryMB: 256,
    runtime,
    openapi: ['wxacode.getUnlimited'],
    why: '邀请二维码需调用一次 wxacode，读写 3 次（实测；两人同时第一次邀请时后到者多读 1 次）',
    worstCase: { what: 'session.invite（生成邀请码和小程序码）', dbRounds: 3, openapiRounds: 1, basis: 'measured' },
  },
  {
    name: 'surveys',
    purpose: '评议：发起、发布、发放链接和二维码、作答、结果、导出',
    timeoutSeconds: 30,
    memoryMB: 512,
    runtime,
    openapi: ['wxacode.getUnlimited'],
    why: '发布全区评议要为 1,000 个结对建 3,000 个入口（每批不超过 512 KB，十批同时写入），导出 Excel 需要内存；发放时每组一个小程序码',
    worstCase: { what: 'surveys.open（全区，1,030 个结对，3,090 个入口，十批同时写入，5 个顺序往返）；发放时每组一个小程序码', dbRounds: 14, openapiRounds: 1, basis: 'measured' },
  },
] as const satisfies readonly FunctionDeclaration[];

export function declarationOf(name: FunctionName): FunctionDeclaration {
  const found = (functionDeclarations as readonly FunctionDeclaration[]).find((declaration) => declaration.name === name);
  if (!found) throw new Error(`no declaration for cloud function ${name}`);
  return found;
}

/** What WeChat's config.json of the function holds (permissions and triggers are read by the developer tools). */
export function configJsonOf(declaration: FunctionDeclaration): Record<string, unknown> {
  return {
    permissions: { openapi: [...declaration.openapi] },
    ...(declaration.trigger ? { triggers: [declaration.trigger] } : {}),
    timeout: declaration.timeoutSeconds,
    memorySize: declaration.memoryMB,
    runtime: declaration.runtime,
  };
}

/** The modelled worst case in milliseconds (latency.ts). */
export function worstCaseMs(declaration: FunctionDeclaration): number {
  return modelledMs(declaration.worstCase);
}

/** The deploy guide's function table (README, 部署到微信). */
export function functionTable(): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return [
    '| 云函数 | 用途 | 超时 | 内存 | 运行环境 | 定时触发器 | 开放接口权限 | 最坏情况（1,000 个结对，按每次数据库请求 80 ms、每次开放接口 200 ms） | 原因 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...(functionDeclarations as readonly FunctionDeclaration[]).map((declaration) =>
      [
        `\`${declaration.name}\``,
        declaration.purpose,
        `${declaration.timeoutSeconds} 秒`,
        `${declaration.memoryMB} MB`,
        declaration.runtime.replace('Nodejs', 'Node.js '),
        declaration.trigger ? `\`${declaration.trigger.config}\`` : '（无）',
        declaration.openapi.length > 0 ? declaration.openapi.map((api) => `\`${api}\``).join('、') : '（无）',
        `${declaration.worstCase.what}：约 ${seconds(worstCaseMs(declaration))} 秒（${declaration.worstCase.basis === 'measured' ? '测试实测请求数' : '按代码估算'}）`,
        declaration.why,
      ].join(' | '),
    ).map((row) => `| ${row} |`),
  ].join('\n');
}
