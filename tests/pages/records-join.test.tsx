import { fireEvent, render, screen } from '@testing-library/react';
import JoinPage from '../../src/pages/join/index';
import RecordsPage from '../../src/pages/records/index';
import { aSummary } from './builders';
import { fail, mockActions, ok, taroControls } from './helpers';

describe('record book', () => {
  it('loads 20 at a time with 加载更多, and filters by state', async () => {
    taroControls.__setRouterParams({ pairing: 'pairing-2026-001' });
    const page = (from: number, count: number) => Array.from({ length: count }, (_, index) => aSummary({ id: `rec-${from + index}`, title: `记录 ${from + index}` }));
    const { inputsOf } = mockActions({
      'records.list': (input) =>
        input['state'] === 'disputed'
          ? ok({ items: [] })
          : input['cursor'] === undefined
            ? ok({ items: page(0, 20), nextCursor: '20' })
            : ok({ items: page(20, 3) }),
    });
    render(<RecordsPage />);
    expect(await screen.findByText('记录 19')).toBeTruthy();
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('记录 22')).toBeTruthy();
    expect(screen.getByText('记录 0')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(inputsOf('records.list')).toEqual([
      { limit: 20, pairingId: 'pairing-2026-001' },
      { limit: 20, pairingId: 'pairing-2026-001', cursor: '20' },
    ]);

    fireEvent.click(document.getElementById('filter-disputed')!);
    expect(await screen.findByText('没有“有异议”的记录。')).toBeTruthy();
    expect(inputsOf('records.list')[2]).toEqual({ limit: 20, pairingId: 'pairing-2026-001', state: 'disputed' });
  });
});

describe('join page', () => {
  it('joins with the code from a mini-program code scene and a name, and says a leader waits for approval', async () => {
    taroControls.__setRouterParams({ scene: encodeURIComponent('c=ab3dkq7z') });
    const grant = { role: 'orgLeader', scopeType: 'org', scopeId: 'org-002', scopeName: '深圳市宏达精密制造有限公司', approved: false };
    const { inputsOf } = mockActions({
      'session.whoami': () => ok({ person: null }),
      'session.join': () => ok({ person: { id: 'p1', name: '刘洋', grants: [grant] }, grant, alreadyMember: false }),
    });
    render(<JoinPage />);
    expect(((await screen.findByPlaceholderText('8 位字母或数字')) as HTMLInputElement).value).toBe('AB3DKQ7Z');
    fireEvent.change(screen.getByPlaceholderText('姓名'), { target: { value: '刘洋' } });
    fireEvent.click(screen.getByText('加入'));
    expect(await screen.findByText('加入成功')).toBeTruthy();
    expect(screen.getByText('深圳市宏达精密制造有限公司 · “两新”组织党组织负责人')).toBeTruthy();
    expect(screen.getByText(/需要结对单位或党群共建办审核/)).toBeTruthy();
    expect(inputsOf('session.join')).toEqual([{ code: 'AB3DKQ7Z', name: '刘洋' }]);
  });

  it('shows a refused code next to the code field', async () => {
    taroControls.__setRouterParams({ code: 'ZZZZZZZZ' });
    mockActions({
      'session.whoami': () => ok({ person: { id: 'p1', name: '李明', grants: [] } }),
      'session.join': () => fail('NOT_FOUND', '邀请码无效或已停用，请向邀请人核对', 'code'),
    });
    render(<JoinPage />);
    fireEvent.click(await screen.findByText('加入'));
    const error = await screen.findByText('邀请码无效或已停用，请向邀请人核对');
    expect(document.getElementById('field-code')!.contains(error)).toBe(true);
    expect(screen.queryByPlaceholderText('姓名')).toBeNull();
  });
});
