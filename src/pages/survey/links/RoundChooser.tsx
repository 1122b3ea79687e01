import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MineItemView } from '../../../contract/surveys';
import { pageUrl } from '../../../client/pageParams';
import { useSignInRedirect } from '../../../client/signIn';
import { useActionQuery } from '../../../client/useActionQuery';
import { CalmState } from '../../../components/CalmState';
import { LinkRow } from '../../../components/LinkRow';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { countsLine, phaseLabel } from '../../../components/surveyLabels';

/** The one evaluation to open at once: the only open one of the caller's orgs, if there is exactly one. */
export function onlyOpenRound(items: readonly MineItemView[]): MineItemView | undefined {
  const open = items.filter((item) => item.round.phase === 'open');
  return open.length === 1 ? open[0] : undefined;
}

/**
 * 发放评议 opened without a round (the home page's link): the evaluations of the orgs the caller leads.
 * The only open one is shown at once (`single`); otherwise each is a row that opens its links.
 */
export function RoundChooser({ single }: { readonly single: (item: MineItemView) => ReactNode }) {
  const { state, reload } = useActionQuery('surveys.mine', {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, '/pages/survey/links/index');
  if (state.status === 'loading' || redirecting) return <LoadingView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  const items = [...state.data.asLeader].sort((a, b) => Number(b.round.phase === 'open') - Number(a.round.phase === 'open'));
  const only = onlyOpenRound(items);
  if (only) return <>{single(only)}</>;
  if (items.length === 0) {
    return <CalmState id='links-none' title='目前没有要发放的评议' text='评议由党群共建办发起；发布后，这里会出现本组织各组的评议链接、二维码和评议码。' />;
  }
  return (
    <View id='links-choose'>
      <Text className='page-title'>发放评议</Text>
      <Text className='page-subtitle'>请选择一次评议，查看各组的链接、二维码和评议码。</Text>
      {items.map((item) => (
        <LinkRow
          key={`${item.round.id}-${item.pairingId}`}
          id={`choose-${item.round.id}-${item.pairingId}`}
          text={`${item.round.label} · ${phaseLabel(item.round.phase)}`}
          detail={`被评议单位：${item.unitName}；已收到 ${item.total} 份（${countsLine(item.responses)}）`}
          onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/survey/links/index', { round: item.round.id, pairing: item.pairingId }) })}
        />
      ))}
    </View>
  );
}
