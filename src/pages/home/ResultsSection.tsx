import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RecordResult } from '../../contract/records';
import { chinaDateTimeLabel } from '../../domain/time/chinaLabels';
import { pageUrl } from '../../client/pageParams';
import { LinkRow } from '../../components/LinkRow';
import { RecordRow } from '../../components/RecordRow';
import { Section } from '../../components/Section';

/** What the leader decided, in one line under the record. */
function decisionLine(result: RecordResult): string {
  const when = chinaDateTimeLabel(result.at);
  return result.result === 'confirmed' ? `${result.by} 于 ${when} 确认` : `${result.by} 于 ${when} 提出异议：${result.reason ?? ''}`;
}

/**
 * 结果: the latest decisions of the party leaders on the unit's records (已确认, or 有异议 with the
 * leader's reason), newest first, from the one `records.home` answer — what the 审核结果通知 message
 * also says. The record book's 已确认 / 有异议 filters page through the rest.
 */
export function ResultsSection({ results }: { readonly results: readonly RecordResult[] }) {
  if (results.length === 0) return null;
  return (
    <Section id='results' title='结果'>
      {results.map((result) => (
        <View key={result.record.id} id={`result-${result.record.id}`}>
          <RecordRow record={result.record} showUnit onOpen={() => void Taro.navigateTo({ url: pageUrl('/pages/record/index', { id: result.record.id }) })} />
          <Text className={`home-result__note home-result__note--${result.result}`}>{decisionLine(result)}</Text>
        </View>
      ))}
      <LinkRow id='results-disputed' text='查看全部有异议的记录' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/records/index', { state: 'disputed' }) })} />
      <LinkRow id='results-confirmed' text='查看全部已确认的记录' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/records/index', { state: 'confirmed' }) })} />
    </Section>
  );
}
