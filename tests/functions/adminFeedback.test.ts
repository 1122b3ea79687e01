import type { ActionInput } from '../../src/contract/actions';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { restoreClock, standAt } from '../support/clock';
import type { TestCloud } from '../support/testCloud';
import { addPerson, openTestCloud } from '../support/testCloud';
import { meanwhile } from '../support/meanwhile';

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

/**
 * feedback.send as `openid`, whose person document is removed after the call identified them and
 * just before the sending aggregate reads it (an account removed mid-request). Answers the result and
 * whether the removal happened.
 */
async function sendWhileTheirPersonGoes(openid: string, input: ActionInput<'feedback.send'>) {
  const remove = async () => {
    await wxServerSdk().database().collection('people').doc(`person-${openid}`).remove();
  };
  const { result, happened } = await meanwhile(t.cloud.db, 'database.aggregateDocuments', remove, () => t.call(openid, 'feedback.send', input));
  return { result, removed: happened };
}

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

  it('still counts and routes a named message whose sender’s person document is gone before the sending read', async () => {
    // A unit in 龙城街道 and a grant of 布吉街道 itself: only the street grant survives without the document.
    const SENDER = 'test-leaving-sender';
    const unitId = t.district.pairings[0]!.unitId;
    const grants = [
      { role: 'unitStaff', scopeType: 'unit', scopeId: unitId },
      { role: 'streetOffice', scopeType: 'street', scopeId: 'street-buji' },
    ];
    await addPerson(SENDER, '钱七', grants);
    const first = await sendWhileTheirPersonGoes(SENDER, { category: 'complaint', content: '人走了也要送达', contact: '13900000000' });
    expect(first.removed).toBe(true);
    const sent = ok(first.result);
    expect(await t.count('people', { openid: SENDER })).toBe(0);
    expect(await t.count('feedback', { senderOpenid: SENDER })).toBe(1);
    // Accepted in the name the identity read gave, routed by the grant itself: 布吉 and the district, not 龙城 through the unit.
    const stored = (await wxServerSdk().database().collection('feedback').doc(sent.feedback.id).get()) as unknown as { data: { streetIds: string[]; senderName: string | null; senderPersonId: string | null } };
    expect(stored.data).toMatchObject({ streetIds: ['street-buji'], senderName: '钱七', senderPersonId: `person-${SENDER}` });
    const seenBy = async (openid: string) => ok(await t.call(openid, 'feedback.list', { limit: 50 })).items.map((item) => item.id);
    expect(await seenBy('test-buji-office')).toContain(sent.feedback.id);
    expect(await seenBy('demo-zhoutao')).toContain(sent.feedback.id);
    expect(await seenBy('demo-sunli')).not.toContain(sent.feedback.id);

    // The daily limit still holds on that path: the tenth today was the last, the next is refused and writes nothing.
    await addPerson(SENDER, '钱七', grants);
    for (let index = 1; index < 10; index += 1) ok(await t.call(SENDER, 'feedback.send', { category: 'suggestion', content: `第 ${index} 条` }));
    const before = await t.count('feedback');
    const flooding = await sendWhileTheirPersonGoes(SENDER, { category: 'suggestion', content: '再一条' });
    expect(flooding.removed).toBe(true);
    expect(flooding.result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await t.count('feedback')).toBe(before);
  });
});
