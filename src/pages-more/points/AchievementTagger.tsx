import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AchievementOption, TaggableRecord } from '../../contract/points';
import { callAction } from '../../client/callAction';
import { Chips } from '../../components/Chips';
import { Notice } from '../../components/Notice';

export interface AchievementTaggerProps {
  readonly records: readonly TaggableRecord[];
  readonly achievements: readonly AchievementOption[];
  readonly onChanged: () => void;
}

/**
 * Name the achievement (成果) a confirmed record shows — 建立党组织、调研报告、集体合同… — so it counts.
 * Only achievements of the record's content areas are offered; the record itself was confirmed by the org.
 */
export function AchievementTagger({ records, achievements, onChanged }: AchievementTaggerProps) {
  const [error, setError] = useState<string | null>(null);
  const candidates = records.filter((record) => achievements.some((option) => record.contentAreas.includes(option.contentArea)));
  if (candidates.length === 0) return <Text className='card__text'>暂无可标注成果的已确认记录。</Text>;

  async function toggle(record: TaggableRecord, achievement: string) {
    setError(null);
    const action = record.achievements.includes(achievement) ? 'points.untagAchievement' : 'points.tagAchievement';
    const result = await callAction(action, { recordId: record.recordId, achievement });
    if (result.ok) onChanged();
    else setError(result.error.message);
  }

  return (
    <View id='achievement-tagger'>
      {error ? <Notice id='tag-error' tone='error' text={error} /> : null}
      {candidates.map((record) => (
        <View key={record.recordId} className='points-line' id={`taggable-${record.recordId}`}>
          <Text className='points-line__rule'>{record.title}</Text>
          <Text className='points-line__source'>{record.date}</Text>
          <Chips
            id={`tag-${record.recordId}`}
            wide
            options={achievements.filter((option) => record.contentAreas.includes(option.contentArea)).map((option) => ({ id: option.achievement, label: `${option.label}（${option.points} 分）` }))}
            selected={record.achievements}
            onToggle={(achievement) => void toggle(record, achievement)}
          />
        </View>
      ))}
    </View>
  );
}
