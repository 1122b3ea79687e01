import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { QueuedSubmission } from '../../client/recordQueue';
import { pageUrl } from '../../client/pageParams';
import { recordKinds } from '../../domain/records/catalog';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';

const openEditor = (item: QueuedSubmission) => () =>
  void Taro.navigateTo({ url: pageUrl('/pages-work/record-edit/index', { pairing: item.content.pairingId, record: item.clientKey }) });

/** How a queued record is named in the list: its kind, day and the start of its content. */
export function queuedTitle(item: QueuedSubmission): string {
  const content = item.content.content.trim();
  return `${recordKinds[item.content.kind]} · ${item.content.date}${content ? `：${content.slice(0, 20)}${content.length > 20 ? '…' : ''}` : ''}`;
}

/** Records kept on the phone, each shown: waiting for the network, or refused and needing a look. */
export function QueueNotice({ items }: { readonly items: readonly QueuedSubmission[] }) {
  const waiting = items.filter((item) => item.failure === undefined);
  const refused = items.filter((item) => item.failure !== undefined);
  if (items.length === 0) return null;
  return (
    <>
      {waiting.length > 0 ? (
        <Notice id='queue-waiting' tone='info' text={`有 ${waiting.length} 条记录已保存在手机上，联网后自动提交。`}>
          <View id='queue-list'>
            {waiting.map((item) => (
              <LinkRow key={item.clientKey} id={`queue-item-${item.clientKey}`} text={queuedTitle(item)} onTap={openEditor(item)} />
            ))}
          </View>
        </Notice>
      ) : null}
      {refused.map((item) => (
        <Notice key={item.clientKey} id={`queue-refused-${item.clientKey}`} tone='error' title={`有记录未能提交：${queuedTitle(item)}`} text={item.failure?.message}>
          <LinkRow id={`queue-open-${item.clientKey}`} text='打开修改' onTap={openEditor(item)} />
        </Notice>
      ))}
    </>
  );
}
