import { Text, View } from '@tarojs/components';
import { useActionQuery } from '../../client/useActionQuery';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { LeaderSection } from './LeaderSection';
import { PairingSection } from './PairingSection';

/** The record book's part of home (`records.home`): pairings for the unit side, 待确认 for party leaders. */
export function WorkSections({ unitSide, leader }: { readonly unitSide: boolean; readonly leader: boolean }) {
  const { state, reload } = useActionQuery('records.home', {});
  if (state.status === 'loading') return <LoadingView text='正在加载结对工作…' />;
  if (state.status === 'error') return <ErrorView message={state.error.message} onRetry={() => void reload()} />;
  const { pairings, toConfirm } = state.data;
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
