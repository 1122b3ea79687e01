import { chooseGoodPractices } from '../../src/domain/bulletins/quarterly';
import { snippet } from '../../src/domain/text/fit';

const practice = '联合开展劳动法宣讲，邀请区人社局讲解劳动合同签订要点。120 名员工参加，现场解答问题 36 个，帮助企业修订员工手册一项';

describe('snippets end at a boundary and say they are cut', () => {
  it('keeps a short text whole, without an ellipsis', () => {
    expect(snippet('联合开展劳动法宣讲', 40)).toBe('联合开展劳动法宣讲');
    expect(snippet('  联合开展\n劳动法宣讲  ', 40)).toBe('联合开展 劳动法宣讲');
  });

  it('cuts a long text after its last clause that fits, and ends it with …', () => {
    expect(snippet(practice, 40)).toBe('联合开展劳动法宣讲，邀请区人社局讲解劳动合同签订要点。120 名员工参加…');
    expect(snippet(practice, 30)).toBe('联合开展劳动法宣讲，邀请区人社局讲解劳动合同签订要点…');
    expect(snippet(practice, 20)).toBe('联合开展劳动法宣讲…');
    for (const max of [8, 12, 20, 33, 40, 60]) expect([...snippet(practice, max)].length).toBeLessThanOrEqual(max);
  });

  it('never splits a number or a Latin word, and keeps a closing bracket', () => {
    expect(snippet('培训员工1234567890123人次并建立台账制度', 12)).toBe('培训员工…');
    expect(snippet('Organised the ISO9001 training for staff', 20)).toBe('Organised the…');
    expect(snippet('帮助企业（深圳华星）建立制度并开展培训活动', 12)).toBe('帮助企业（深圳华星）…');
  });

  it('cuts a text without any boundary at the limit, still with …', () => {
    expect(snippet('一二三四五六七八九十一二三四五六七八九十', 10)).toBe('一二三四五六七八九…');
  });
});

describe('the good practices of a quarterly bulletin', () => {
  it('quote a long record up to a boundary, with …', () => {
    const long = `本季度${'组织党员志愿者走访困难员工家庭，'.repeat(10)}建立长期帮扶台账`;
    const [chosen] = chooseGoodPractices([{ recordId: 'rec-1', unitId: 'unit-001', unitName: '区发展和改革局', orgName: '深圳华星光电科技有限公司', kind: 'quarterlyActivity', date: '2026-03-12', contentAreas: ['careForMembers'], content: long, results: '帮扶 12 户', participants: 30, achievements: 0 }]);
    expect(chosen!.excerpt.endsWith('组织党员志愿者走访困难员工家庭…')).toBe(true);
    expect([...chosen!.excerpt].length).toBeLessThanOrEqual(160);
  });
});
