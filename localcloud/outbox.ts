import type { LocalStore } from './localStore';
import type { Subscriptions } from './subscriptions';

export interface SubscribeMessage {
  readonly touser: string;
  readonly templateId: string;
  readonly page?: string;
  readonly data: Record<string, { value: string }>;
  readonly miniprogramState?: string;
  readonly lang?: string;
}

/** `sent`: delivered against an allowance; `refused`: WeChat would have answered 43101 (no allowance). */
export type OutboxStatus = 'sent' | 'refused';

export interface OutboxEntry extends SubscribeMessage {
  readonly id: number;
  readonly sentAt: Date;
  readonly status: OutboxStatus;
  /** 0 when sent; 43101 when refused. */
  readonly errCode: number;
}

/** WeChat's answer to a send without an allowance (the person never allowed it, or used it up). */
export const NOT_ALLOWED = 43101;
export const NOT_ALLOWED_MESSAGE = 'user refuse to accept the msg';

/** WeChat's rule per template field type (the key's letters before its number): max characters and shape. */
const fieldRules: Record<string, { max: number; pattern?: RegExp }> = {
  thing: { max: 20 },
  phrase: { max: 5, pattern: /^[\u4e00-\u9fa5]+$/ },
  name: { max: 10 },
  character_string: { max: 32, pattern: /^[0-9A-Za-z_\-.]+$/ },
  number: { max: 32, pattern: /^[0-9.]+$/ },
  letter: { max: 32, pattern: /^[A-Za-z]+$/ },
  symbol: { max: 5 },
  time: { max: 32 },
  date: { max: 32 },
  amount: { max: 12 },
  phone_number: { max: 17, pattern: /^[0-9+\-() ]+$/ },
  car_number: { max: 8 },
};

export class SubscribeMessageError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg);
  }
}

/**
 * `openapi.subscribeMessage.send`, captured instead of delivered, and checked as WeChat checks it:
 * the fields first, then the recipient's allowance (`subscriptions`; null lets every valid send through,
 * an opt-out of the quota). A send without an allowance is kept as `refused` and fails with 43101.
 */
export class Outbox {
  constructor(
    private readonly store: LocalStore,
    private readonly subscriptions: Subscriptions | null = null,
  ) {}

  send(message: SubscribeMessage, now: Date): { errCode: 0; errMsg: string } {
    if (!message.touser) throw new SubscribeMessageError(40003, 'invalid openid');
    if (!message.templateId) throw new SubscribeMessageError(40037, 'invalid template_id');
    if (message.page !== undefined && message.page.startsWith('/')) {
      throw new SubscribeMessageError(41030, `invalid page: ${message.page} (must not start with "/")`);
    }
    for (const [key, field] of Object.entries(message.data ?? {})) {
      const type = key.replace(/\d+$/, '');
      const rule = fieldRules[type];
      const value = field?.value;
      if (!rule || typeof value !== 'string') throw new SubscribeMessageError(47003, `argument invalid! data.${key}.value invalid`);
      if ([...value].length > rule.max || value.length === 0 || (rule.pattern && !rule.pattern.test(value))) {
        throw new SubscribeMessageError(47003, `argument invalid! data.${key}.value "${value}" exceeds the rule of ${type} (max ${rule.max})`);
      }
    }
    const allowed = this.subscriptions === null || this.subscriptions.consume(message.touser, message.templateId);
    this.store.sqlite
      .prepare('INSERT INTO outbox (sent_at, touser, template_id, page, data, status, err_code) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(now.getTime(), message.touser, message.templateId, message.page ?? null, JSON.stringify(message.data), allowed ? 'sent' : 'refused', allowed ? 0 : NOT_ALLOWED);
    if (!allowed) throw new SubscribeMessageError(NOT_ALLOWED, NOT_ALLOWED_MESSAGE);
    return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
  }

  /** Newest first: the delivered messages (what people received), or the refused ones, or `all`. */
  list(options: { touser?: string; limit?: number; status?: OutboxStatus | 'all' } = {}): OutboxEntry[] {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    const status = options.status ?? 'sent';
    const where = [options.touser !== undefined ? 'touser = @touser' : '', status !== 'all' ? 'status = @status' : ''].filter(Boolean);
    const rows = this.store.sqlite
      .prepare(`SELECT * FROM outbox ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`)
      .all({ limit, ...(options.touser !== undefined ? { touser: options.touser } : {}), ...(status !== 'all' ? { status } : {}) }) as Array<{
      id: number;
      sent_at: number;
      touser: string;
      template_id: string;
      page: string | null;
      data: string;
      status: OutboxStatus;
      err_code: number;
    }>;
    return rows.map((row) => ({
      id: row.id,
      sentAt: new Date(row.sent_at),
      touser: row.touser,
      templateId: row.template_id,
      ...(row.page !== null ? { page: row.page } : {}),
      data: JSON.parse(row.data) as SubscribeMessage['data'],
      status: row.status,
      errCode: row.err_code,
    }));
  }

}
