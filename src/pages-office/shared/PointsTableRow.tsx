import { Text, View } from '@tarojs/components';
import './PointsTableRow.css';

export interface PointsTableRowProps {
  readonly id: string;
  readonly name: string;
  readonly meta: string;
  readonly total: number;
  /** Shown only when the district has turned unit rankings on. */
  readonly rank?: number | undefined;
  /** Rows that open a unit's page. */
  readonly onTap?: () => void;
}

/** One row of an office's points table: a unit (or a street) with its details and its total. */
export function PointsTableRow({ id, name, meta, total, rank, onTap }: PointsTableRowProps) {
  return (
    <View id={id} className='points-table-row' {...(onTap ? { hoverClass: 'points-table-row--pressed', ariaRole: 'link', onClick: onTap } : {})}>
      {rank !== undefined ? <Text className='points-table-row__rank'>第{rank}</Text> : null}
      <View className='points-table-row__name'>
        <Text>{name}</Text>
        <Text className='points-table-row__meta'>{meta}</Text>
      </View>
      <Text className='points-table-row__total'>{total}</Text>
    </View>
  );
}
