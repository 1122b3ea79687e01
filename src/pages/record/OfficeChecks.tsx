import { Text, View } from '@tarojs/components';
import type { RecordChecksOnView } from '../../contract/records';
import { awaitsReview, reviewFlagLabels } from '../../domain/records/reviewFlags';
import { chinaDateTimeLabel } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';

/**
 * For the offices over the record (records.get sends `checks` to no one else): why it is to be
 * checked and, once an office marked it reviewed, 已核查 with the office, when and its note. A flag
 * the review did not see keeps it 待核查 (it is back in the office's list).
 */
export function OfficeChecks({ checks }: { readonly checks: RecordChecksOnView }) {
  const { flags, review } = checks;
  const pending = awaitsReview(flags, review?.flags);
  return (
    <Section id='office-checks' title='核查提示（仅共建办可见）'>
      <View className='card'>
        <Text className='card__text' id='office-checks-flags'>
          {pending ? '待核查' : '提示'}：{flags.map((flag) => reviewFlagLabels[flag]).join('、')}
        </Text>
        <Text className='card__text'>提示不等于造假，请结合纸质台账核实；提示从不影响记录。</Text>
      </View>
      {review ? (
        <Notice id='office-checks-review' tone={pending ? 'warning' : 'success'} title={pending ? '已核查过，出现新的提示后待再次核查' : '已核查'}>
          <Text className='notice__text'>
            {review.byOffice} 于 {chinaDateTimeLabel(review.at)} 核查
          </Text>
          <Text className='notice__text'>核查说明：{review.note}</Text>
        </Notice>
      ) : null}
    </Section>
  );
}
