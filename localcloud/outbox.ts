import type { LocalStore } from './localStore';

export interface SubscribeMessage {
  readonly touser: string;
  readonly templateId: string;
  readonly page?: string;
  readonly data: Record<string, { value: string }>;
  readonly miniprogramState?: string;
  readonly lang?: string;
}

export interface OutboxEntry extends SubscribeMessage {
  readonly id: number;
  readonly sentAt: Date;
}

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

/** `openapi.subscribeMessage.send`, captured instead of delivered, and checked as WeChat checks it. */
export class Outbox {
  constructor(private readonly store: LocalStore) {}

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
    this.store.sqlite
      .prepare('INSERT INTO outbox (sent_at, touser, template_id, page, data) VALUES (?, ?, ?, ?, ?)')
      .run(now.getTime(), message.touser, message.templateId, message.page ?? null, JSON.stringify(message.data));
    return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
  }

  list(options: { touser?: string; limit?: number } = {}): OutboxEntry[] {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    const rows = (
      options.touser
        ? this.store.sqlite.prepare('SELECT * FROM outbox WHERE touser = ? ORDER BY id DESC LIMIT ?').all(options.touser, limit)
        : this.store.sqlite.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit)
    ) as Array<{ id: number; sent_at: number; touser: string; template_id: string; page: string | null; data: string }>;
    return rows.map((row) => ({
      id: row.id,
      sentAt: new Date(row.sent_at),
      touser: row.touser,
      templateId: row.template_id,
      ...(row.page !== null ? { page: row.page } : {}),
      data: JSON.parse(row.data) as SubscribeMessage['data'],
    }));
  }
}
