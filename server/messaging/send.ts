import { fitText } from '../../src/domain/text/fit';
import type { WxCloud } from '../runtime/cloud';
import type { MessageTemplate } from './templates';
import { fieldLimits, miniprogramState } from './templates';

/** WeChat answers 43101 when the person has not allowed (or has used up) this template: not an error for us. */
export const NOT_ALLOWED = 43101;

export type SendOutcome = 'sent' | 'notAllowed' | 'failed';

export interface Message<F extends string> {
  readonly to: string;
  /** Added to the template's page, e.g. `{ t: token }` → `pages/confirm/index?t=…`. */
  readonly query?: Readonly<Record<string, string>>;
  /** Field values; each is fitted to its kind's limit (`thing` ≤ 20 characters, ending in "…" when cut). */
  readonly values: Readonly<Record<F, string>>;
}

export type Log = (line: string) => void;

/**
 * The one way a function sends a subscription message: the template's fields fitted to WeChat's
 * limits, the page with its query, 43101 answered as "not allowed" (never logged), anything else
 * logged in English. Never throws.
 */
export async function sendMessage<F extends string>(cloud: WxCloud, template: MessageTemplate<F>, message: Message<F>, log: Log = console.warn): Promise<SendOutcome> {
  const query = message.query ? Object.entries(message.query).map(([key, value]) => `${key}=${encodeURIComponent(value)}`) : [];
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: message.to,
      templateId: template.id,
      page: query.length > 0 ? `${template.page}?${query.join('&')}` : template.page,
      miniprogramState,
      lang: 'zh_CN',
      data: Object.fromEntries(template.fields.map((field) => [field.key, { value: fitText(message.values[field.key], fieldLimits[field.kind]) }])),
    });
    return 'sent';
  } catch (error) {
    if ((error as { errCode?: number }).errCode === NOT_ALLOWED) return 'notAllowed';
    log(`[gongjian] ${template.name} message to ${message.to} failed: ${String((error as Error)?.message ?? error)}`);
    return 'failed';
  }
}
