import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RecordSummary } from '../../contract/records';
import { pageUrl } from '../../client/pageParams';
import { LinkRow } from '../../components/LinkRow';
import { RecordRow } from '../../components/RecordRow';
import { Section } from '../../components/Section';

/** For an org's approved party leader: the records waiting for their confirmation. */
export function LeaderSection({ toConfirm }: { readonly toConfirm: readonly RecordSummary[] }) {
  return (
    <Section id='to-confirm' title='待确认'>
      {toConfirm.length === 0 ? (
        <View className='card'>
          <Text className='card__text'>目前没有等待您确认的记录。</Text>
        </View>
      ) : (
        toConfirm.map((record) => (
          <RecordRow
            key={record.id}
            record={record}
            showUnit
            onOpen={() => void Taro.navigateTo({ url: pageUrl('/pages/confirm/index', { id: record.id }) })}
          />
        ))
      )}
      {toConfirm.length > 1 ? (
        <LinkRow id='go-batch-confirm' text={`逐条查看，一次确认多条（${toConfirm.length} 条）`} onTap={() => void Taro.navigateTo({ url: '/pages/confirm/index?batch=1' })} />
      ) : null}
      <LinkRow id='go-pending' text='全部待确认的记录' onTap={() => void Taro.navigateTo({ url: '/pages/pending/index' })} />
    </Section>
  );
}
