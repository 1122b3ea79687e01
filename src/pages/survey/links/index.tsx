import { useCallback, useEffect, useRef, useState } from 'react';
import { useShareAppMessage } from '@tarojs/taro';
import { Button, Image, Input, Text, View } from '@tarojs/components';
import type { BallotCodesView, LinksView, LinkView } from '../../../contract/surveys';
import type { RespondentGroup } from '../../../domain/surveys/groups';
import { respondentGroupHints, respondentGroups } from '../../../domain/surveys/groups';
import { callAction } from '../../../client/callAction';
import { copyText } from '../../../client/clipboard';
import { pageUrl, usePageParams } from '../../../client/pageParams';
import { useSignInRedirect } from '../../../client/signIn';
import { useActionQuery } from '../../../client/useActionQuery';
import { ActionButton } from '../../../components/ActionButton';
import { FormField } from '../../../components/FormField';
import { Notice } from '../../../components/Notice';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { RoundChooser } from './RoundChooser';
import './index.css';

/** What a link is in each target: the h5 address people open, or the mini-program page a share card opens. */
function linkText(path: string): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') return `${window.location.origin}${window.location.pathname}#/${path}`;
  return `/${path}`;
}

function Codes({ roundId, pairingId, link }: { readonly roundId: string; readonly pairingId: string; readonly link: LinkView }) {
  const [count, setCount] = useState('10');
  const [roster, setRoster] = useState<BallotCodesView | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function run(add: number) {
    setBusy(true);
    setError(undefined);
    const result = await callAction('surveys.ballotCodes', { roundId, pairingId, group: link.group, add });
    setBusy(false);
    if (result.ok) setRoster(result.data);
    else setError(result.error.message);
  }

  const issued = roster?.codes.length ?? link.codesIssued;
  return (
    <View className='survey-links__codes'>
      <FormField id={`codes-count-${link.group}`} label='发放评议码' hint={`已发放 ${issued} 个。发放后本组只能凭评议码作答，一码一次；码与答案无法对应。`} error={error}>
        <Input id={`codes-count-${link.group}-input`} className='form-input' type='number' value={count} maxlength={3} onInput={(event) => setCount(event.detail.value)} />
      </FormField>
      <ActionButton id={`codes-issue-${link.group}`} text={`再发放 ${Number(count) || 0} 个`} variant='secondary' busy={busy} busyText='正在发放…' onTap={() => void run(Math.max(0, Math.floor(Number(count) || 0)))} />
      {issued > 0 && roster === null ? <ActionButton id={`codes-show-${link.group}`} text='查看已发放的评议码' variant='secondary' onTap={() => void run(0)} /> : null}
      {roster && roster.codes.length > 0 ? (
        <View id={`codes-list-${link.group}`} className='survey-links__roster'>
          {roster.codes.map((code, index) => (
            <Text key={code} className='survey-links__code'>
              {index + 1}. {code}
            </Text>
          ))}
          <ActionButton id={`codes-copy-${link.group}`} text='复制全部评议码' variant='secondary' onTap={() => void copyText(`${linkText(roster.path)}\n${roster.codes.join('\n')}`, '评议码')} />
        </View>
      ) : null}
    </View>
  );
}

/** A group's QR code, fetched as an image file when the person asks to see it (never inside the links answer). */
function GroupCode({ roundId, pairingId, group }: { readonly roundId: string; readonly pairingId: string; readonly group: RespondentGroup }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function show() {
    setBusy(true);
    setError(undefined);
    const result = await callAction('surveys.qrCode', { roundId, pairingId, group });
    setBusy(false);
    if (result.ok) setUrl(result.data.url);
    else setError(result.error.message);
  }

  if (url) return <Image id={`link-qr-${group}`} className='survey-links__qr' src={url} mode='aspectFit' showMenuByLongpress ariaLabel='评议二维码' />;
  return (
    <View>
      {error ? <Notice tone='error' text={error} /> : null}
      <ActionButton id={`link-qr-show-${group}`} text='显示二维码' variant='secondary' busy={busy} busyText='正在生成…' onTap={() => void show()} />
    </View>
  );
}

function GroupCard({ roundId, pairingId, link, open }: { readonly roundId: string; readonly pairingId: string; readonly link: LinkView; readonly open: boolean }) {
  return (
    <View id={`link-${link.group}`} className='card'>
      <Text className='card__title'>{respondentGroups[link.group]}</Text>
      <Text className='card__text muted'>{respondentGroupHints[link.group]}</Text>
      <Text id={`link-${link.group}-count`} className='card__text'>
        已收到 {link.responses} 份{link.codesRequired ? ' · 凭评议码作答' : ''}
      </Text>
      <GroupCode roundId={roundId} pairingId={pairingId} group={link.group} />
      <Text className='survey-links__path'>{linkText(link.path)}</Text>
      <ActionButton id={`link-copy-${link.group}`} text='复制链接' variant='secondary' onTap={() => void copyText(linkText(link.path), '链接')} />
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className='survey-links__share' openType='share' data-group={link.group}>
          发送给微信好友或群
        </Button>
      ) : null}
      {open ? <Codes roundId={roundId} pairingId={pairingId} link={link} /> : null}
    </View>
  );
}

/** One pairing's links in one round; tells the page what it shows, for the share card. */
function PairingLinks({ roundId, pairingId, onLinks }: { readonly roundId: string; readonly pairingId: string; readonly onLinks: (view: LinksView | null) => void }) {
  const { state, reload } = useActionQuery('surveys.links', { roundId, pairingId });
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, pageUrl('/pages/survey/links/index', { round: roundId, pairing: pairingId }));
  useEffect(() => onLinks(state.status === 'ready' ? state.data : null), [state, onLinks]);

  if (state.status === 'loading' || redirecting) return <LoadingView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={() => void reload()} />;
  const { round, unitName, orgName, groups } = state.data;
  const open = round.phase === 'open';
  return (
    <View>
      <Text className='page-title'>{round.label}</Text>
      <Text className='page-subtitle'>
        {orgName} 评议 {unitName}
        {open ? `（截止 ${round.endDate}）` : '（已结束）'}
      </Text>
      <Notice id='links-privacy' tone='info' text='请把各组的链接或二维码发给本组人员。您只能看到每组答卷份数，看不到谁答了、答了什么。' />
      {groups.map((link) => (
        <GroupCard key={link.group} roundId={roundId} pairingId={pairingId} link={link} open={open} />
      ))}
    </View>
  );
}

/**
 * 发放评议: the org's party leader (or an office) hands out each group's link, QR code and ballot codes, and sees counts only.
 * Opened with a round and pairing (from the 评议 list), it shows that pairing; opened without (the home page's link),
 * it shows the only open evaluation of the leader's orgs, or lets them choose.
 */
export default function SurveyLinksPage() {
  const params = usePageParams();
  const roundId = params['round'];
  const pairingId = params['pairing'];
  const shown = useRef<LinksView | null>(null);
  const onLinks = useCallback((view: LinksView | null) => {
    shown.current = view;
  }, []);

  useShareAppMessage((share) => {
    const group = (share.target as { dataset?: { group?: RespondentGroup } } | undefined)?.dataset?.group;
    const link = shown.current?.groups.find((candidate) => candidate.group === group);
    return { title: link ? `请参加对结对单位的匿名评议（${respondentGroups[link.group]}）` : '共建', path: link ? `/${link.path}` : '/pages/home/index' };
  });

  return (
    <View className='page survey-links-page'>
      <View className='page__body'>
        {roundId && pairingId ? (
          <PairingLinks roundId={roundId} pairingId={pairingId} onLinks={onLinks} />
        ) : (
          <RoundChooser single={(item) => <PairingLinks roundId={item.round.id} pairingId={item.pairingId} onLinks={onLinks} />} />
        )}
      </View>
    </View>
  );
}
