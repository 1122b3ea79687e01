import { render, screen } from '@testing-library/react';
import EditBulletinPage from '../../src/pages-office/bulletins/edit/index';
import { mockActions, ok, person, taroControls } from './helpers';
import { aBulletin } from './pointsBuilders';

const district = person('周涛', [{ role: 'districtOffice', scopeType: 'district', scopeId: 'district', scopeName: '龙岗区', approved: true }]);

describe('the good practices to choose in a bulletin draft', () => {
  it('are cut at a clause boundary and end with …, not mid-word', async () => {
    taroControls.__setRouterParams({ id: 'district-2026-q1' });
    const draft = aBulletin();
    const excerpt = '联合开展劳动法宣讲，邀请区人社局讲解劳动合同签订要点。120 名员工参加，现场解答问题 36 个，帮助企业修订员工手册一项';
    const generated = { ...draft.generated!, goodPractices: draft.generated!.goodPractices.map((practice) => ({ ...practice, excerpt })) };
    mockActions({ 'session.whoami': () => district, 'bulletins.get': () => ok({ bulletin: { ...draft, generated } }) });
    render(<EditBulletinPage />);
    await screen.findByText('好的做法', { selector: '.form-field__label' });
    expect(document.getElementById('practice-rec-q1')!.textContent).toBe('✓ 区发展和改革局：联合开展劳动法宣讲，邀请区人社局讲解劳动合同签订要点。120 名员工参加…');
  });
});
