import type { LocalStore } from './localStore';

/** What `wx.requestSubscribeMessage` answers per template id. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

/** WeChat lets one `requestSubscribeMessage` call ask for at most 3 templates. */
export const MAX_TEMPLATES_PER_ASK = 3;

export class SubscribeAskError extends Error {}

/**
 * The allowances people gave by tapping "允许" on WeChat's subscription dialog, as WeChat keeps them:
 * a one-time template gives one send per accepted ask (asks add up); a long-term template (granted to
 * some government and public-service accounts) keeps sending once accepted, until the person refuses it.
 * `subscribeMessage.send` succeeds only by consuming one of these (otherwise 43101).
 */
export class Subscriptions {
  private readonly longTerm: ReadonlySet<string>;

  constructor(
    private readonly store: LocalStore,
    longTermTemplates: readonly string[] = [],
  ) {
    this.longTerm = new Set(longTermTemplates);
  }

  isLongTerm(templateId: string): boolean {
    return this.longTerm.has(templateId);
  }

  /** Record what the dialog answered (the client reports it right after `requestSubscribeMessage`). */
  record(openid: string, answers: Readonly<Record<string, SubscribeAnswer>>): void {
    const ids = Object.keys(answers);
    if (!openid) throw new SubscribeAskError('an allowance needs the openid of the person who tapped');
    if (ids.length === 0) throw new SubscribeAskError("requestSubscribeMessage:fail TmplIds can't be empty");
    if (ids.length > MAX_TEMPLATES_PER_ASK) throw new SubscribeAskError('requestSubscribeMessage:fail TmplIds count is more than 3');
    for (const id of ids) {
      const answer = answers[id];
      if (answer === 'accept') this.grant(openid, id);
      else if (this.longTerm.has(id) && (answer === 'reject' || answer === 'ban')) this.revoke(openid, id);
    }
  }

  /** One accepted ask (`times` of them for a one-time template; a long-term template is simply on). */
  grant(openid: string, templateId: string, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new SubscribeAskError(`times must be a positive integer, not ${times}`);
    const add = this.longTerm.has(templateId) ? 0 : times;
    this.store.sqlite
      .prepare(
        `INSERT INTO allowances (openid, template_id, remaining, long_term) VALUES (?, ?, ?, ?)
         ON CONFLICT(openid, template_id) DO UPDATE SET remaining = remaining + excluded.remaining, long_term = excluded.long_term`,
      )
      .run(openid, templateId, add, this.longTerm.has(templateId) ? 1 : 0);
  }

  revoke(openid: string, templateId: string): void {
    this.store.sqlite.prepare('DELETE FROM allowances WHERE openid = ? AND template_id = ?').run(openid, templateId);
  }

  /** Sends this person may still receive from this template (Infinity for an accepted long-term template). */
  remaining(openid: string, templateId: string): number {
    const row = this.store.sqlite.prepare('SELECT remaining, long_term FROM allowances WHERE openid = ? AND template_id = ?').get(openid, templateId) as
      | { remaining: number; long_term: number }
      | undefined;
    if (!row) return 0;
    return row.long_term === 1 && this.longTerm.has(templateId) ? Number.POSITIVE_INFINITY : row.remaining;
  }

  /** Use one allowance for one send; false when there is none (WeChat answers 43101). */
  consume(openid: string, templateId: string): boolean {
    const left = this.remaining(openid, templateId);
    if (left === Number.POSITIVE_INFINITY) return true;
    if (left < 1) return false;
    this.store.sqlite.prepare('UPDATE allowances SET remaining = remaining - 1 WHERE openid = ? AND template_id = ?').run(openid, templateId);
    return true;
  }
}
