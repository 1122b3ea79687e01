import type { WxCloud, CloudDatabase } from './cloud';
import { callerOpenid, getCloud } from './cloud';
import { platformNow } from './context';

export interface JobContext {
  readonly db: CloudDatabase;
  readonly cloud: WxCloud;
  readonly now: Date;
}

/**
 * A cloud function run by its timer trigger (config.json `triggers`). A call from a mini-program
 * carries the person's OPENID and is refused: only the platform's timer may run the job.
 */
export function createTimerFunction<T>(job: (context: JobContext) => Promise<T>, options: { now?: () => Date } = {}) {
  return async function main(): Promise<{ ok: true; data: T } | { ok: false; error: { code: 'FORBIDDEN' | 'INTERNAL'; message: string } }> {
    const cloud = getCloud();
    if (callerOpenid(cloud)) return { ok: false, error: { code: 'FORBIDDEN', message: '该功能只由定时任务运行' } };
    try {
      return { ok: true, data: await job({ db: cloud.database(), cloud, now: options.now?.() ?? platformNow(cloud) }) };
    } catch (error) {
      console.error('[gongjian] timer job failed', error);
      return { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } };
    }
  };
}
