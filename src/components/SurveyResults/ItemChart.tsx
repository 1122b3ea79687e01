import { Text, View } from '@tarojs/components';
import type { ItemResultView } from '../../contract/surveys';
import { choiceIds, choiceLabels } from '../../domain/surveys/form';

/**
 * One item's answers as a stacked horizontal bar (满意 / 基本满意 / 不满意), drawn with plain views:
 * three segments whose widths are their shares. No chart library: it would cost the main package
 * more than the pages that use it.
 */
export function ItemChart({ item, index }: { readonly item: ItemResultView; readonly index: number }) {
  const total = choiceIds.reduce((sum, choice) => sum + item.counts[choice], 0);
  return (
    <View id={`chart-${item.id}`} className='item-chart'>
      <View className='item-chart__head'>
        <Text className='item-chart__title'>
          {index + 1}. {item.title}
        </Text>
        {item.score !== null ? <Text className='item-chart__score'>得分 {item.score}</Text> : null}
      </View>
      <View className='item-chart__bar' ariaRole='img' ariaLabel={choiceIds.map((choice) => `${choiceLabels[choice]} ${item.counts[choice]} 份`).join('，')}>
        {choiceIds.map((choice) =>
          item.counts[choice] > 0 ? <View key={choice} className={`item-chart__segment item-chart__segment--${choice}`} style={{ width: `${(item.counts[choice] * 100) / Math.max(total, 1)}%` }} /> : null,
        )}
      </View>
      <View className='item-chart__legend'>
        {choiceIds.map((choice) => (
          <Text key={choice} className={`item-chart__legend-item item-chart__legend-item--${choice}`}>
            {choiceLabels[choice]} {item.counts[choice]}
          </Text>
        ))}
      </View>
    </View>
  );
}
