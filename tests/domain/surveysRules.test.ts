import { checkAnswers, answeredCount } from '../../src/domain/surveys/answers';
import { checkCharsOf, composeBallotCode, formatBallotCode, normaliseBallotCode, splitBallotCode } from '../../src/domain/surveys/ballotCodes';
import { commentProblem, commentsForDisplay, sanitiseComment } from '../../src/domain/surveys/comments';
import { DEFAULT_FORM_ITEMS, defaultForm, reviseForm } from '../../src/domain/surveys/form';
import { onceOnlyDecision, onceOnlyMaterials } from '../../src/domain/surveys/onceOnly';
import { endDateProblem, endsAtOf, pairingActiveOn, pairingInScope, pairingsToCover, phaseOf, roundLabel, suggestedRound } from '../../src/domain/surveys/round';
import { addCounts, tallyIncrements } from '../../src/domain/surveys/tally';
import { chinaInstant } from '../../src/domain/time/chinaTime';

describe('the once-only rule (一人一轮一次)', () => {
  it('keys a person by round and pairing, whatever group they answer in', () => {
    const asEmployee = onceOnlyMaterials('r1', 'p1', { openid: 'o-1' });
    expect(asEmployee).toEqual(['r1|p1|wx|o-1']);
    expect(onceOnlyMaterials('r1', 'p1', { openid: 'o-1' })).toEqual(asEmployee);
    expect(onceOnlyMaterials('r2', 'p1', { openid: 'o-1' })).not.toEqual(asEmployee);
    expect(onceOnlyMaterials('r1', 'p2', { openid: 'o-1' })).not.toEqual(asEmployee);
  });

  it('uses up both the WeChat identity and the ballot code when both are given', () => {
    expect(onceOnlyMaterials('r1', 'p1', { openid: 'o-1', ballotCode: '0A12345678' })).toEqual(['r1|p1|wx|o-1', 'r1|p1|code|0A12345678']);
    expect(onceOnlyMaterials('r1', 'p1', { ballotCode: '0A12345678' })).toEqual(['r1|p1|code|0A12345678']);
    expect(onceOnlyMaterials('r1', 'p1', {})).toEqual([]);
  });

  it('accepts an answer once: a used key (either of two) refuses it, no key at all refuses it', () => {
    expect(onceOnlyDecision(['a'], new Set())).toBe('accept');
    expect(onceOnlyDecision(['a'], new Set(['a']))).toBe('alreadyCounted');
    expect(onceOnlyDecision(['a', 'b'], new Set(['b']))).toBe('alreadyCounted');
    expect(onceOnlyDecision([], new Set())).toBe('noIdentity');
  });
});

describe('the form: a configurable default, versioned, frozen once the round opens', () => {
  it('starts from the default covering the notice’s work', () => {
    const form = defaultForm();
    expect(form.version).toBe(1);
    expect(form.items.map((item) => item.title)).toEqual(['到访指导', '联合活动', '帮助党群组织建设', '关爱党员和员工', '帮助解决实际问题', '工作作风']);
    // a copy: editing a round's form never touches the default
    expect(form.items).not.toBe(DEFAULT_FORM_ITEMS);
  });

  it('makes a new version on every edit, keeping ids and giving new items fresh ones', () => {
    const revised = reviseForm(defaultForm(), [{ id: 'visits', title: ' 到访指导与联系 ' }, { title: '宣传政策法规' }, { id: 'workStyle', title: '工作作风' }]);
    expect('form' in revised && revised.form).toEqual({ version: 2, items: [{ id: 'visits', title: '到访指导与联系' }, { id: 'q1', title: '宣传政策法规' }, { id: 'workStyle', title: '工作作风' }] });
  });

  it('refuses an empty form, too many items, short or repeated titles and unknown ids', () => {
    expect(reviseForm(defaultForm(), [])).toEqual({ problem: { field: 'items', message: '问卷至少要有 1 题' } });
    expect(reviseForm(defaultForm(), Array.from({ length: 13 }, (_, index) => ({ title: `第${index}题目` })))).toEqual({ problem: { field: 'items', message: '问卷最多 12 题' } });
    expect(reviseForm(defaultForm(), [{ title: '甲' }])).toEqual({ problem: { field: 'items.0.title', message: '第 1 题的题目太短' } });
    expect(reviseForm(defaultForm(), [{ title: '工作作风' }, { title: '工作作风' }])).toEqual({ problem: { field: 'items.1.title', message: '第 2 题与前面的题目重复' } });
    expect(reviseForm(defaultForm(), [{ id: 'nope', title: '工作作风' }])).toEqual({ problem: { field: 'items.0.id', message: '题目编号无效，请刷新后再编辑' } });
  });
});

describe('answers against the frozen form', () => {
  const form = { version: 2, items: [{ id: 'visits', title: '到访指导' }, { id: 'workStyle', title: '工作作风' }] };

  it('takes every item answered with one of three choices', () => {
    expect(checkAnswers(form, { visits: 'satisfied', workStyle: 'dissatisfied' })).toEqual({ ok: true, choices: { visits: 'satisfied', workStyle: 'dissatisfied' } });
    expect(answeredCount(form, { visits: 'basic' })).toBe(1);
  });

  it('names the missing item, an unknown item and a wrong choice', () => {
    expect(checkAnswers(form, { visits: 'satisfied' })).toEqual({ ok: false, field: 'answers.workStyle', message: '请回答第 2 题：工作作风' });
    expect(checkAnswers(form, { visits: 'satisfied', workStyle: 'basic', other: 'basic' })).toEqual({ ok: false, field: 'answers.other', message: '问卷已更新，请刷新后重新作答' });
    expect(checkAnswers(form, { visits: 'great', workStyle: 'basic' })).toEqual({ ok: false, field: 'answers.visits', message: '第 1 题请选择满意、基本满意或不满意' });
  });

  it('turns an answer into the tally fields it increments', () => {
    expect(tallyIncrements({ visits: 'satisfied', workStyle: 'basic' })).toEqual(['counts.visits.satisfied', 'counts.workStyle.basic']);
    expect(addCounts(form, [{ visits: { satisfied: 1, basic: 0, dissatisfied: 0 } }, undefined, { visits: { satisfied: 2, basic: 1, dissatisfied: 0 } }])).toEqual({
      visits: { satisfied: 3, basic: 1, dissatisfied: 0 },
      workStyle: { satisfied: 0, basic: 0, dissatisfied: 0 },
    });
  });
});

describe('comments: cleaned, without identity and without time', () => {
  it('collapses whitespace, drops invisible characters and masks phone, ID and e-mail', () => {
    expect(sanitiseComment('  希望\n\n多来\u200b走访  ')).toBe('希望 多来走访');
    expect(sanitiseComment('有事打我电话13812345678，或 138-1234-5678')).toBe('有事打我电话＊＊＊，或 ＊＊＊');
    expect(sanitiseComment('身份证44030119900101123X 邮箱 a.b@example.com')).toBe('身份证＊＊＊ 邮箱 ＊＊＊');
    expect(sanitiseComment('订单号 1234567890123 不是手机号')).toBe('订单号 1234567890123 不是手机号');
  });

  it('limits a comment to 300 characters as people count them', () => {
    expect(commentProblem('好'.repeat(300))).toBeUndefined();
    expect(commentProblem('好'.repeat(301))).toBe('意见建议不能超过 300 字');
    expect(commentProblem('😀'.repeat(300))).toBeUndefined();
  });

  it('orders comments by their text only, never by arrival', () => {
    // Code-unit order, the order the database keeps them in (乙 U+4E59 before 甲 U+7532).
    expect(commentsForDisplay(['甲', '', '乙', 'B', 'A'])).toEqual(['A', 'B', '乙', '甲']);
  });
});

describe('ballot codes', () => {
  it('are ten Crockford characters: a number and a 40-bit check, forgiving when typed', () => {
    const check = checkCharsOf(new Uint8Array([255, 0, 128, 7, 9, 1, 2]));
    expect(check).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const code = composeBallotCode(37, check);
    expect(code).toHaveLength(10);
    expect(splitBallotCode(code)).toEqual({ index: 37, check });
    expect(normaliseBallotCode(` ${formatBallotCode(code).toLowerCase()} `)).toBe(code);
    expect(normaliseBallotCode('O1-ILO00000')).toBe('0111000000');
    expect(normaliseBallotCode('ABC')).toBeUndefined();
    expect(normaliseBallotCode('UUUUUUUUUU')).toBeUndefined();
    expect(splitBallotCode('ZZ00000000')).toBeUndefined();
  });
});

describe('rounds', () => {
  it('close at 24:00 China time of the end date, or when an office ends them', () => {
    const endsAt = endsAtOf('2026-07-15')!;
    expect(endsAt.toISOString()).toBe('2026-07-15T16:00:00.000Z');
    expect(phaseOf({ state: 'open', endsAt }, chinaInstant(2026, 7, 15, 23, 59, 59))).toBe('open');
    expect(phaseOf({ state: 'open', endsAt }, chinaInstant(2026, 7, 16))).toBe('closed');
    expect(phaseOf({ state: 'closed', endsAt }, chinaInstant(2026, 7, 1))).toBe('closed');
    expect(phaseOf({ state: 'draft', endsAt }, chinaInstant(2026, 8, 1))).toBe('draft');
  });

  it('take end dates from today up to 120 days ahead', () => {
    const now = chinaInstant(2026, 6, 20, 10);
    expect(endDateProblem('2026-06-20', now)).toBeUndefined();
    expect(endDateProblem('2026-06-19', now)).toBe('截止日期不能早于今天');
    expect(endDateProblem('2026-12-31', now)).toBe('评议时间不能超过 120 天');
    expect(endDateProblem('2026-02-30', now)).toBe('截止日期格式应为 YYYY-MM-DD');
  });

  it('suggest mid-year from April to September and last year’s year-end in the first quarter', () => {
    expect(suggestedRound(chinaInstant(2026, 6, 20))).toEqual({ year: 2026, period: 'midYear', endDate: '2026-07-04' });
    expect(suggestedRound(chinaInstant(2026, 12, 10))).toMatchObject({ year: 2026, period: 'yearEnd' });
    expect(suggestedRound(chinaInstant(2027, 1, 5))).toMatchObject({ year: 2026, period: 'yearEnd' });
    expect(roundLabel(2026, 'midYear')).toBe('2026年年中评议');
  });

  it('cover a scope’s pairings in force, once per period', () => {
    const pairing = { streetId: 'street-a', unitStreetId: 'street-b' };
    expect(pairingInScope({ type: 'district' }, pairing)).toBe(true);
    expect(pairingInScope({ type: 'street', streetId: 'street-b' }, pairing)).toBe(true);
    expect(pairingInScope({ type: 'street', streetId: 'street-c' }, pairing)).toBe(false);
    expect(pairingActiveOn({ startDate: '2026-01-01', endDate: null }, '2026-06-20')).toBe(true);
    expect(pairingActiveOn({ startDate: '2026-01-01', endDate: '2026-03-31' }, '2026-06-20')).toBe(false);
    expect(pairingsToCover(['p1', 'p2', 'p3'], new Set(['p2']))).toEqual(['p1', 'p3']);
  });
});
