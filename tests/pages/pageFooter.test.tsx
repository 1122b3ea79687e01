import { fireEvent, render, screen } from '@testing-library/react';
import { useRouter } from '@tarojs/taro';
import { PageFooter } from '../../src/components/PageFooter';
import { taro } from './helpers';

describe('the footer of every page', () => {
  it('offers 投诉建议 and remembers the page it was opened from', () => {
    (useRouter as jest.Mock).mockReturnValueOnce({ params: {}, path: '/pages/record/index?id=r1' });
    render(<PageFooter />);
    fireEvent.click(screen.getByText('投诉建议'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-more/feedback/index?from=%2Fpages%2Frecord%2Findex' });
  });

  it('shows page links before it, and leaves it out on the 投诉建议 page itself', () => {
    render(<PageFooter links={[{ id: 'switch', text: '切换演示身份', url: '/pages/local-signin/index' }]} withFeedback={false} />);
    expect(screen.getByText('切换演示身份')).toBeTruthy();
    expect(screen.queryByText('投诉建议')).toBeNull();
  });
});
