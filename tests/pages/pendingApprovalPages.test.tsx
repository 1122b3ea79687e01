/**
 * A party leader still waiting for approval sees 正在等待审核 on every page a leader opens, not
 * 出错了 with 重试: the pages hand the whole failure to ErrorView, which decides by its code.
 */
import { render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import ConfirmPage from '../../src/pages/confirm/index';
import SurveyLinksPage from '../../src/pages/survey/links/index';
import ActivitiesPage from '../../src/pages-more/activities/index';
import FeedbackPage from '../../src/pages-more/feedback/index';
import { fail, mockActions, taroControls } from './helpers';

const MESSAGE = '您的党组织负责人身份正在等待结对单位或街道、区党群共建办审核，审核通过后即可使用';
const waiting = () => fail('PENDING_APPROVAL', MESSAGE);

const pages: Array<[string, ComponentType, Record<string, string>, string[]]> = [
  ['发放评议链接 (one round)', SurveyLinksPage, { round: 'round-1', pairing: 'pairing-1' }, ['surveys.links']],
  ['发放评议链接 (choosing a round)', SurveyLinksPage, {}, ['surveys.mine']],
  ['批量确认', ConfirmPage, { batch: '1' }, ['records.pending']],
  ['联合活动', ActivitiesPage, {}, ['activities.list', 'records.home']],
  ['投诉建议', FeedbackPage, {}, ['feedback.mine']],
];

describe('a leader awaiting approval', () => {
  it.each(pages)('%s shows 正在等待审核, calmly', async (_name, Page, params, actions) => {
    taroControls.__setRouterParams(params);
    mockActions(Object.fromEntries(actions.map((action) => [action, waiting])));
    render(<Page />);
    expect(await screen.findByText('正在等待审核')).toBeTruthy();
    expect(screen.getAllByText(MESSAGE).length).toBeGreaterThan(0);
    expect(screen.queryByText('出错了')).toBeNull();
  });
});
