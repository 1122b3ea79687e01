import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PairingHome, RecordSummary } from '../../contract/records';
import { pageUrl } from '../../client/pageParams';
import { ActionButton } from '../../components/ActionButton';
import { CadenceCard } from '../../components/CadenceCard';
import { LinkRow } from '../../components/LinkRow';
import { RecordRow } from '../../components/RecordRow';
import { Section } from '../../components/Section';

function openRecord(record: RecordSummary) {
  void Taro.navigateTo({ url: pageUrl('/pages/record/index', { id: record.id }) });
}

function RecordList({ id, title, records }: { readonly id: string; readonly title: string; readonly records: readonly RecordSummary[] }) {
  if (records.length === 0) return null;
  return (
    <View id={id}>
      <Text className='home-subhead'>{title}</Text>
      {records.map((record) => (
        <RecordRow key={record.id} record={record} onOpen={() => openRecord(record)} />
      ))}
    </View>
  );
}

/** One pairing on the unit worker's home: the notice's rhythm, the two big actions, what is new and what waits. */
export function PairingSection({ pairing }: { readonly pairing: PairingHome }) {
  const { pairingId } = pairing;
  return (
    <Section id={`pairing-${pairingId}`} title={pairing.orgName}>
      <Text className='home-pairing__meta'>
        {pairing.unitName} 结对{pairing.orgAddress ? ` · ${pairing.orgAddress}` : ''}
      </Text>
      {pairing.cadence.map((entry) => (
        <CadenceCard key={entry.item} entry={entry} />
      ))}
      <ActionButton
        id={`checkin-${pairingId}`}
        text='到访签到'
        onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/checkin/index', { pairing: pairingId, org: pairing.orgName }) })}
      />
      <ActionButton
        id={`write-${pairingId}`}
        text='写记录'
        variant='secondary'
        onTap={() => void Taro.navigateTo({ url: pageUrl('/pages-work/record-edit/index', { pairing: pairingId }) })}
      />
      <RecordList id={`waiting-${pairingId}`} title='待我处理' records={pairing.waitingOnMe} />
      <RecordList id={`latest-${pairingId}`} title='最新记录' records={pairing.latest} />
      <LinkRow
        id={`book-${pairingId}`}
        text='查看全部记录（积分行动记录本）'
        onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/records/index', { pairing: pairingId }) })}
      />
    </Section>
  );
}
