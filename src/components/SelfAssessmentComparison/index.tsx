import { Text, View } from '@tarojs/components';
import type { SelfAssessmentView } from '../../contract/points';
import { pointsText } from '../pointsText';
import './index.css';

/** The self-assessment beside the computed points, item by item, with the differences. */
export function SelfAssessmentComparison({ comparison }: { readonly comparison: NonNullable<SelfAssessmentView['comparison']> }) {
  return (
    <View id='comparison'>
      <View className='points-compare points-compare--head'>
        <Text className='points-compare__label'>项目</Text>
        <Text className='points-compare__value'>自评</Text>
        <Text className='points-compare__value'>计算</Text>
        <Text className='points-compare__value'>差异</Text>
      </View>
      {comparison.rows.map((row) => (
        <View key={row.ruleKey} className={`points-compare${row.difference !== 0 ? ' points-compare--differs' : ''}`} id={`compare-${row.ruleKey}`}>
          <View className='points-compare__label'>
            <Text>{row.label}</Text>
            {row.remark ? <Text className='points-compare__remark'>说明：{row.remark}</Text> : null}
          </View>
          <Text className='points-compare__value'>{row.claimed}</Text>
          <Text className='points-compare__value'>{row.computed}</Text>
          <Text className='points-compare__value'>{row.difference === 0 ? '—' : pointsText(row.difference)}</Text>
        </View>
      ))}
      <View className='points-compare points-compare--total' id='compare-total'>
        <Text className='points-compare__label'>合计</Text>
        <Text className='points-compare__value'>{comparison.claimedTotal}</Text>
        <Text className='points-compare__value'>{comparison.computedTotal}</Text>
        <Text className='points-compare__value'>{comparison.difference === 0 ? '—' : pointsText(comparison.difference)}</Text>
      </View>
    </View>
  );
}
