import { Cron } from 'croner';
import type { FunctionRegistry } from './functions';

/**
 * WeChat timer triggers use 7 fields (second minute hour day month weekday year);
 * croner takes the first six. The year field must be `*` locally.
 */
export function toCronerPattern(wechatCron: string): string {
  const fields = wechatCron.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`timer trigger needs 7 fields (second minute hour day month weekday year): "${wechatCron}"`);
  if (fields[6] !== '*') throw new Error(`timer trigger year field must be "*" in the local cloud: "${wechatCron}"`);
  return fields.slice(0, 6).join(' ');
}

/** Run every function's timer triggers on schedule, China time, as WeChat does. Returns a stop function. */
export function scheduleTriggers(functions: FunctionRegistry, env: string, onError: (message: string) => void): () => void {
  const jobs: Cron[] = [];
  for (const fn of functions.all()) {
    for (const trigger of fn.triggers) {
      jobs.push(
        new Cron(toCronerPattern(trigger.config), { timezone: 'Asia/Shanghai', protect: true }, async () => {
          try {
            await functions.invoke(fn.name, { Type: 'Timer', TriggerName: trigger.name, Time: new Date().toISOString() }, { ENV: env, SOURCE: 'timer' });
          } catch (error) {
            onError(`timer ${fn.name}/${trigger.name} failed: ${String(error)}`);
          }
        }),
      );
    }
  }
  return () => jobs.forEach((job) => job.stop());
}
