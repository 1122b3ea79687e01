import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { PairingSummary } from '../../contract/admin';
import type { ActionCaller } from '../../client/useActionQuery';
import { ActionButton } from '../../components/ActionButton';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import { LoadingView } from '../../components/StatusView';

export interface PairingPickerProps {
  readonly call: ActionCaller;
  readonly onPick: (pairing: PairingSummary) => void;
}

/**
 * The unit and pairing to enter a paper record for: this year's pairings the office may act on
 * (`pairing.office`, answered by admin.directory), found by the unit's or org's name.
 */
export function PairingPicker({ call, onPick }: PairingPickerProps) {
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [pairings, setPairings] = useState<readonly PairingSummary[] | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setPairings(null);
    setError(undefined);
    void call('admin.directory', { kind: 'pairings', ...(applied ? { search: applied } : {}), limit: 30 }).then((result) => {
      if (!live) return;
      if (result.ok) setPairings(result.data.pairings);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [applied, call]);

  return (
    <View id='paper-pairing-picker'>
      <Text className='card__text'>选择要补录的单位与结对（只列出本办负责范围内的本年度结对）。</Text>
      <View className='form-field'>
        <Input id='paper-search' className='form-input' value={search} placeholder='按单位或组织名称查找' confirmType='search' onInput={(event) => setSearch(event.detail.value)} onConfirm={() => setApplied(search.trim())} />
        <ActionButton id='paper-search-go' text='查找' variant='secondary' onTap={() => setApplied(search.trim())} />
      </View>
      {error ? <Notice id='paper-pairings-error' tone='error' text={error} /> : null}
      {pairings === null && !error ? <LoadingView /> : null}
      {pairings !== null && pairings.length === 0 ? <Notice id='paper-pairings-none' tone='info' text='没有找到符合条件的结对。' /> : null}
      {pairings?.map((pairing) => (
        <LinkRow key={pairing.id} id={`paper-pairing-${pairing.id}`} text={`${pairing.unitName} ⇄ ${pairing.orgName}`} detail={`${pairing.year}年度`} onTap={() => onPick(pairing)} />
      ))}
    </View>
  );
}
