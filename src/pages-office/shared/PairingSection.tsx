import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { OrgSummary, PairingSummary } from '../../contract/admin';
import { chinaDateString } from '../../domain/time/chinaTime';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';

export interface PairingSectionProps {
  readonly unitId: string;
  readonly pairings: readonly PairingSummary[];
  readonly canManage: boolean;
  readonly onChanged: () => void;
}

/** A unit's pairings over the years; an office may pair it with another org (the old pairing ends, kept as history). */
export function PairingSection({ unitId, pairings, canManage, onChanged }: PairingSectionProps) {
  const year = Number(chinaDateString(new Date()).slice(0, 4));
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<readonly OrgSummary[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const running = pairings.find((pairing) => pairing.year === year && pairing.endDate === null);

  async function find() {
    setMessage(null);
    const result = await callAction('admin.directory', { kind: 'orgs', search: search.trim(), limit: 20 });
    if (result.ok) setFound(result.data.orgs);
    else setMessage({ tone: 'error', text: result.error.message });
  }

  async function pairWith(org: OrgSummary) {
    const answer = await Taro.showModal({ title: '确认结对', content: running ? `将结束与“${running.orgName}”的结对（记录保留），自今天起与“${org.name}”结对。` : `${year} 年度与“${org.name}”结对。`, confirmText: '确认' });
    if (!answer.confirm) return;
    const result = await callAction('admin.savePairing', { unitId, orgId: org.id, year });
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setFound(null);
    setMessage({ tone: 'success', text: result.data.unchanged ? '已是该组织，无需更改' : `已与“${org.name}”结对` });
    onChanged();
  }

  async function end(pairing: PairingSummary) {
    const today = chinaDateString(new Date());
    const answer = await Taro.showModal({ title: '结束结对', content: `结对将于今天（${today}）结束，已有记录保留。`, confirmText: '结束' });
    if (!answer.confirm) return;
    const result = await callAction('admin.endPairing', { pairingId: pairing.id, endDate: today });
    setMessage(result.ok ? { tone: 'success', text: '结对已结束' } : { tone: 'error', text: result.error.message });
    if (result.ok) onChanged();
  }

  return (
    <Section id='pairings' title='结对'>
      {message ? <Notice id='pairing-message' tone={message.tone} text={message.text} /> : null}
      {pairings.length === 0 ? <Text className='muted'>还没有结对</Text> : null}
      {pairings.map((pairing) => (
        <View key={pairing.id} className='card' id={`pairing-${pairing.id}`}>
          <Text className='card__title'>
            {pairing.year} 年度：{pairing.orgName}
          </Text>
          <Text className='card__text'>{pairing.endDate ? `${pairing.startDate} 至 ${pairing.endDate}（已结束）` : `自 ${pairing.startDate} 起`}</Text>
          {canManage && pairing.endDate === null && pairing.year === year ? <ActionButton id={`end-${pairing.id}`} text='结束结对' variant='secondary' onTap={() => void end(pairing)} /> : null}
        </View>
      ))}
      {canManage ? (
        <View className='form-field'>
          <Text className='form-field__label'>{running ? '更换结对组织' : '安排结对组织'}</Text>
          <Input id='pair-search' className='form-input' value={search} placeholder='输入组织名称搜索' onInput={(event) => setSearch(event.detail.value)} />
          <View className='button-row'>
            <ActionButton id='pair-search-go' text='搜索组织' variant='secondary' onTap={() => void find()} />
          </View>
          {found?.length === 0 ? <Text className='muted'>没有找到</Text> : null}
          {found?.map((org) => <LinkRow key={org.id} id={`pair-with-${org.id}`} text={org.name} detail={org.streetName} onTap={() => void pairWith(org)} />)}
        </View>
      ) : null}
    </Section>
  );
}
