import { Text, View } from '@tarojs/components';
import type { SupersededLinkView } from '../../contract/records';
import { chinaDateTimeLabel } from '../../domain/time/chinaLabels';
import { Notice } from '../../components/Notice';

/**
 * The link of an earlier version: the page shows the latest one (第 N 版), the leader's own objection
 * to the version the link was for, and what the unit changed since, field by field.
 */
export function SupersededNotice({ superseded, revision }: { readonly superseded: SupersededLinkView; readonly revision: number }) {
  const { earlierObjection, changes } = superseded;
  return (
    <Notice id='confirm-superseded' tone='info' title={`单位已修改这条记录，下面是最新的第 ${revision} 版`}>
      <Text className='notice__text'>您打开的是第 {superseded.linkRevision} 版的确认链接。</Text>
      {earlierObjection ? (
        <Text className='notice__text' id='confirm-earlier-objection'>
          {earlierObjection.by} 于 {chinaDateTimeLabel(earlierObjection.at)} 提出的异议：{earlierObjection.reason}
        </Text>
      ) : null}
      {changes.length === 0 ? (
        <Text className='notice__text' id='confirm-no-changes'>内容没有改动。</Text>
      ) : (
        <View id='confirm-changes'>
          <Text className='notice__text'>修改了：</Text>
          {changes.map((change) => (
            <View key={change.field} id={`change-${change.field}`} className='confirm-page__change'>
              <Text className='confirm-page__change-label'>{change.label}</Text>
              <Text className='confirm-page__change-before'>原来：{change.before}</Text>
              <Text className='confirm-page__change-after'>现在：{change.after}</Text>
            </View>
          ))}
        </View>
      )}
    </Notice>
  );
}
