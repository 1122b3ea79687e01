import Taro from '@tarojs/taro';
import type { QueuedSubmission } from '../../client/recordQueue';
import { pageUrl } from '../../client/pageParams';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';

/** Records kept on the phone: waiting for the network, or refused and needing a look. */
export function QueueNotice({ items }: { readonly items: readonly QueuedSubmission[] }) {
  const waiting = items.filter((item) => item.failure === undefined);
  const refused = items.filter((item) => item.failure !== undefined);
  if (items.length === 0) return null;
  return (
    <>
      {waiting.length > 0 ? (
        <Notice id='queue-waiting' tone='info' text={`有 ${waiting.length} 条记录已保存在手机上，联网后自动提交。`} />
      ) : null}
      {refused.map((item) => (
        <Notice key={item.clientKey} id={`queue-refused-${item.clientKey}`} tone='error' title='有记录未能提交' text={item.failure?.message}>
          <LinkRow
            id={`queue-open-${item.clientKey}`}
            text='打开修改'
            onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/record-edit/index', { pairing: item.content.pairingId, record: item.clientKey }) })}
          />
        </Notice>
      ))}
    </>
  );
}
