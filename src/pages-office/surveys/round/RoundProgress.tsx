import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ExportView, RoundDetailView } from '../../../contract/surveys';
import { callAction } from '../../../client/callAction';
import { copyText } from '../../../client/clipboard';
import { pageUrl } from '../../../client/pageParams';
import { ActionButton } from '../../../components/ActionButton';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { countsLine, pointsLabel } from '../../../components/surveyLabels';
import { Pager, scrollToTop } from '../../shared/Pager';

/** Opens a downloaded export: a new tab in h5, the document viewer in weapp. */
async function openExport(file: ExportView): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window !== 'undefined') window.open(file.url, '_blank');
    return;
  }
  const downloaded = await Taro.downloadFile({ url: file.url });
  await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'xlsx', showMenu: true });
}

/** An open or closed round: counts per pairing (points once closed), export, and ending it early. */
export function RoundProgress({ detail, onChanged }: { readonly detail: RoundDetailView; readonly onChanged: (detail: RoundDetailView) => void }) {
  const { round } = detail;
  const [busy, setBusy] = useState<'close' | 'export' | 'page' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<ExportView | null>(null);

  /** Another page of the pairings (a district round has a thousand: one page at a time). */
  async function turnTo(offset: number) {
    setBusy('page');
    setError(null);
    const result = await callAction('surveys.round', { roundId: round.id, offset });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    onChanged(result.data);
    scrollToTop();
  }

  async function close() {
    const confirmed = await Taro.showModal({ title: '结束评议', content: '结束后不再接收答卷，并公布满足条件的结果和积分。确定现在结束吗？', confirmText: '结束' });
    if (!confirmed.confirm) return;
    setBusy('close');
    setError(null);
    const result = await callAction('surveys.close', { roundId: round.id });
    setBusy(null);
    if (result.ok) onChanged(result.data);
    else setError(result.error.message);
  }

  async function exportRound() {
    setBusy('export');
    setError(null);
    const result = await callAction('surveys.export', { roundId: round.id });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setExported(result.data);
    try {
      await openExport(result.data);
    } catch {
      setError('无法直接打开文件，请复制下面的链接在浏览器中下载');
    }
  }

  return (
    <View>
      <View className='card'>
        <Text className='card__text' id='round-totals'>
          {detail.page.total} 个结对，共收到 {detail.responses} 份答卷
        </Text>
        <Text className='card__text muted'>
          积分公式：满分 {round.maxPoints} × Σ(权重 × 分组得分) ÷ Σ(有答卷分组的权重)；满意 1、基本满意 0.6、不满意 0。
        </Text>
      </View>
      {error ? <Notice id='round-error' tone='error' text={error} /> : null}
      <ActionButton id='round-export' text='导出 Excel' variant='secondary' busy={busy === 'export'} busyText='正在导出…' onTap={() => void exportRound()} />
      {exported ? (
        <Text id='round-export-link' className='office-surveys__export' onClick={() => void copyText(exported.url, '下载链接')}>
          {exported.fileName}（点按复制下载链接，约 2 小时内有效）
        </Text>
      ) : null}
      {round.phase === 'open' && round.canManage ? <ActionButton id='round-close' text='提前结束评议' variant='secondary' busy={busy === 'close'} busyText='正在结束…' onTap={() => void close()} /> : null}
      <Section id='round-pairings' title={`各结对情况（${detail.page.total}）`}>
        <View className='card'>
          {detail.pairings.map((pairing) => (
            <View
              key={pairing.pairingId}
              id={`pairing-${pairing.pairingId}`}
              className='office-surveys__pairing'
              hoverClass='office-surveys__pairing--pressed'
              ariaRole='link'
              onClick={() => void Taro.navigateTo({ url: pageUrl('/pages-office/surveys/results/index', { round: round.id, pairing: pairing.pairingId }) })}
            >
              <Text className='office-surveys__pairing-name'>
                {pairing.unitName} ↔ {pairing.orgName}
              </Text>
              <Text className='office-surveys__pairing-meta'>
                {pairing.total} 份（{countsLine(pairing.responses)}）· 积分 {pointsLabel(pairing.points, round.phase)}
              </Text>
            </View>
          ))}
        </View>
        <Pager id='round-pairings-pager' page={detail.page} unit='个结对' busy={busy === 'page'} onTurn={(offset) => void turnTo(offset)} />
      </Section>
    </View>
  );
}
