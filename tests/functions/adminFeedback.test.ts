import { chinaInstant } from '../../src/domain/time/chinaTime';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { addPerson, openTestCloud } from '../support/testCloud';

let t: TestCloud;
beforeAll(async () => {
  standAt(chinaInstant(2026, 6, 10, 10));
  t = await openTestCloud();
  await addPerson('test-buji-office', '布吉共建办', [{ role: 'streetOffice', scopeType: 'street', scopeId: 'street-buji' }]);
});
afterAll(() => {
  t.close();
  restoreClock();
});

const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
};

describe('投诉建议', () => {
  it('takes a suggestion from anyone signed in, even before joining; none without a WeChat identity or content', async () => {
    const sent = ok(await t.call('openid-of-a-visitor', 'feedback.send', { category: 'suggestion', content: '希望增加字号调节' }));
    expect(sent.feedback).toMatchObject({ category: 'suggestion', state: 'pending', messages: [{ from: 'sender', text: '希望增加字号调节' }] });
    expect(ok(await t.call('openid-of-a-visitor', 'feedback.mine', {}))).toMatchObject({ items: [{ id: sent.feedback.id }], replyTemplateId: 'local-feedback-reply' });
    expect(await t.call(undefined, 'feedback.send', { category: 'suggestion', content: '匿名的' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('demo-liming', 'feedback.send', { category: 'complaint', content: '  ' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请填写内容', field: 'content' } });
    expect(await t.count('feedback')).toBe(1);
  });

  it('routes a named complaint to the sender’s street office and the district office, not to other streets', async () => {
    const sent = ok(await t.call('demo-liming', 'feedback.send', { category: 'complaint', content: '签到页面打不开', contact: '13800000000', page: 'pages/checkin/index' }));
    const longcheng = ok(await t.call('demo-sunli', 'feedback.list', {})).items;
    expect(longcheng.find((item) => item.id === sent.feedback.id)).toMatchObject({ senderName: '李明', contact: '13800000000', page: 'pages/checkin/index' });
    expect(ok(await t.call('demo-zhoutao', 'feedback.list', {})).items.map((item) => item.id)).toContain(sent.feedback.id);
    expect(ok(await t.call('test-buji-office', 'feedback.list', {})).items.map((item) => item.id)).not.toContain(sent.feedback.id);
    expect(await t.call('demo-liming', 'feedback.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps an anonymous sender anonymous: no name, contact or street reaches any office', async () => {
    const sent = ok(await t.call('demo-liming', 'feedback.send', { category: 'complaint', content: '有人要求每天必须拍照打卡', contact: '13800000000', anonymous: true }));
    expect(ok(await t.call('demo-sunli', 'feedback.list', {})).items.map((item) => item.id)).not.toContain(sent.feedback.id);
    const seen = ok(await t.call('demo-zhoutao', 'feedback.list', {})).items.find((item) => item.id === sent.feedback.id)!;
    expect(seen).toMatchObject({ senderName: null, contact: null, anonymous: true });
    expect(JSON.stringify(seen)).not.toMatch(/李明|liming|13800000000/);
  });

  it('is answered by an office in its own name; the sender is notified and reads the answer, adds to it, closes it', async () => {
    const sent = ok(await t.call('demo-liming', 'feedback.send', { category: 'suggestion', content: '希望能导出本单位的记录本' }));
    const answered = ok(await t.call('demo-sunli', 'feedback.answer', { feedbackId: sent.feedback.id, text: '已列入下一版本计划，感谢建议' }));
    expect(answered).toMatchObject({ notified: true, feedback: { state: 'answered' } });
    expect(t.cloud.outbox.list({ touser: 'demo-liming', limit: 1 })[0]).toMatchObject({ templateId: 'local-feedback-reply', page: `pages-more/feedback/index?id=${sent.feedback.id}`, data: { thing1: { value: '您的建议已答复' }, thing2: { value: '已列入下一版本计划，感谢建议' } } });
    const mine = ok(await t.call('demo-liming', 'feedback.mine', {})).items.find((item) => item.id === sent.feedback.id)!;
    expect(mine.messages.at(-1)).toEqual({ from: 'office', text: '已列入下一版本计划，感谢建议', at: expect.any(String), officeName: '龙城街道党群共建办' });
    expect(JSON.stringify(mine)).not.toMatch(/孙丽/);
    expect(await t.call('demo-chenjing', 'feedback.followUp', { feedbackId: sent.feedback.id, text: '冒充' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ok(await t.call('demo-liming', 'feedback.followUp', { feedbackId: sent.feedback.id, text: '大概什么时候？' })).feedback.state).toBe('pending');
    expect(await t.call('test-buji-office', 'feedback.answer', { feedbackId: sent.feedback.id, text: '越权答复' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    ok(await t.call('demo-zhoutao', 'feedback.answer', { feedbackId: sent.feedback.id, text: '预计下月上线' }));
    expect(ok(await t.call('demo-liming', 'feedback.close', { feedbackId: sent.feedback.id })).feedback.state).toBe('closed');
    expect(await t.call('demo-zhoutao', 'feedback.answer', { feedbackId: sent.feedback.id, text: '再答复' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该事项已办结' } });
  });

  it('limits floods from one WeChat identity', async () => {
    for (let index = 0; index < 10; index += 1) await t.call('openid-flood', 'feedback.send', { category: 'suggestion', content: `第 ${index} 条` });
    expect(await t.call('openid-flood', 'feedback.send', { category: 'suggestion', content: '再一条' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('limits floods from a signed-in person sending in their name too, and writes nothing more', async () => {
    for (let index = 0; index < 10; index += 1) ok(await t.call('demo-chenjing', 'feedback.send', { category: 'suggestion', content: `署名第 ${index} 条` }));
    const before = await t.count('feedback');
    expect(await t.call('demo-chenjing', 'feedback.send', { category: 'suggestion', content: '再一条' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '今天已提交较多，请明天再提交，或直接联系党群共建办' } });
    expect(await t.call('demo-chenjing', 'feedback.send', { category: 'suggestion', content: '匿名再一条', anonymous: true })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await t.count('feedback')).toBe(before);
  });
});
