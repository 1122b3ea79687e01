import { Text, View } from '@tarojs/components';
import type { ResultsView } from '../../contract/surveys';
import { respondentGroupIds, respondentGroups } from '../../domain/surveys/groups';
import { hiddenReasonText } from '../../domain/surveys/visibility';
import { Notice } from '../Notice';
import { Section } from '../Section';
import { ItemChart } from './ItemChart';
import { phaseLabel, pointsLabel } from '../surveyLabels';
import './index.css';

/**
 * A pairing's results as the unit and the offices see them (the server has already applied the
 * rules: per-item results only for groups with enough answers after the round, the owner never alone).
 */
export function SurveyResults({ results }: { readonly results: ResultsView }) {
  const { round } = results;
  const weights = results.points?.weights;
  return (
    <View className='survey-results'>
      <Text className='page-title'>{round.label}</Text>
      <Text className='page-subtitle'>
        {results.unitName} ↔ {results.orgName} · {phaseLabel(round.phase)}
      </Text>
      <View className='card' id='results-points'>
        <Text className='card__text muted'>评议积分（满分 {results.points?.maxPoints ?? '—'}）</Text>
        <Text className='survey-results__points'>{pointsLabel(results.points?.value ?? null, round.phase)}</Text>
        <Text className='card__text'>共收到 {results.total} 份答卷</Text>
        {weights ? (
          <Text className='card__text muted'>
            权重：{respondentGroupIds.map((group) => `${respondentGroups[group]} ${weights[group]}`).join('、')}
          </Text>
        ) : null}
      </View>
      {round.phase !== 'closed' ? <Notice id='results-open' tone='info' text={`评议进行中（截止 ${round.endDate}）。为保护答题人，分项结果和意见在评议结束后公布，此前只显示份数。`} /> : null}
      {results.groups.map((group) => (
        <Section key={group.group} id={`results-${group.group}`} title={`${respondentGroups[group.group]}（${group.responses} 份）`}>
          {group.shown && group.items ? (
            <View className='card'>
              {group.items.map((item, index) => (
                <ItemChart key={item.id} item={item} index={index} />
              ))}
            </View>
          ) : (
            <View className='card'>
              <Text id={`results-${group.group}-hidden`} className='card__text muted'>
                {hiddenReasonText(group.hiddenReason ?? 'noResponses', results.threshold)}
              </Text>
            </View>
          )}
        </Section>
      ))}
      <Section id='results-comments' title='意见建议'>
        <View className='card'>
          {results.comments === null ? (
            <Text className='card__text muted'>评议结束且答卷满 {results.threshold} 份后显示（不含分组、身份和时间）。</Text>
          ) : results.comments.length === 0 ? (
            <Text className='card__text muted'>没有意见建议。</Text>
          ) : (
            results.comments.map((comment, index) => (
              <Text key={`${index}-${comment}`} className='survey-results__comment'>
                {comment}
              </Text>
            ))
          )}
        </View>
      </Section>
    </View>
  );
}
