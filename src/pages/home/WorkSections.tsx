import { Text, View } from '@tarojs/components';
import type { HomeOutput } from '../../contract/records';
import { LeaderSection } from './LeaderSection';
import { PairingSection } from './PairingSection';

/** The record book's part of home (from the one `records.home` answer): pairings for the unit side, 待确认 for party leaders. */
export function WorkSections({ home, unitSide, leader }: { readonly home: HomeOutput; readonly unitSide: boolean; readonly leader: boolean }) {
  const { pairings, toConfirm } = home;
  return (
    <View>
      {unitSide && pairings.length === 0 ? (
        <View className='card' id='no-pairings'>
          <Text className='card__text'>本年度还没有您单位的结对安排，请联系党群共建办。</Text>
        </View>
      ) : null}
      {pairings.map((pairing) => (
        <PairingSection key={pairing.pairingId} pairing={pairing} />
      ))}
      {leader ? <LeaderSection toConfirm={toConfirm} /> : null}
    </View>
  );
}
