import { Text, View } from '@tarojs/components';
import type { PointsTotals } from '../../domain/points/engine';
import { pointsText } from '../pointsText';
import './index.css';

/** The year's total and how it is made: earned, deducted, of which evaluation. */
export function PointsTotalsCard({ title, totals }: { readonly title: string; readonly totals: PointsTotals }) {
  return (
    <View className='card points-totals' id='points-totals'>
      <Text className='points-totals__title'>{title}</Text>
      <Text className='points-totals__total' id='points-total'>
        {totals.total}
      </Text>
      <Text className='points-totals__parts'>
        加分 {pointsText(totals.earned)}（含评议 {totals.evaluation}） · 扣分 {pointsText(totals.deducted)}
      </Text>
    </View>
  );
}
