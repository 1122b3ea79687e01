import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ReminderKind, ReminderStatus } from '../../client/reminderSubscription';
import { askForReminder, reminderStatus } from '../../client/reminderSubscription';
import './index.css';

const what: Record<ReminderKind, string> = { cadence: '到访和联合活动快到期时提醒我', confirm: '有记录等我确认时提醒我' };
const statusText: Record<Exclude<ReminderStatus, 'unsupported'>, string> = { on: '提醒已开启（微信每次授权可收到一条）', off: '提醒未开启', unasked: '提醒未开启' };

/**
 * Whether this reminder is on, and a "提醒我" tap that asks WeChat for the template's allowance (the
 * ask runs inside the tap, as WeChat requires). In h5 the tap records the allowance with the local
 * cloud, whose outbox has WeChat's quota. Shows nothing where there are no subscription messages.
 */
export function ReminderToggle({ kind, id }: { readonly kind: ReminderKind; readonly id?: string }) {
  const [status, setStatus] = useState<ReminderStatus>(() => reminderStatus(kind));
  if (status === 'unsupported') return null;
  const rootId = id ?? `reminder-${kind}`;
  return (
    <View id={rootId} className='reminder-toggle'>
      <View className='reminder-toggle__text'>
        <Text className='reminder-toggle__what'>{what[kind]}</Text>
        <Text id={`${rootId}-status`} className={`reminder-toggle__status reminder-toggle__status--${status}`}>
          {statusText[status]}
        </Text>
      </View>
      <View id={`${rootId}-ask`} className='reminder-toggle__ask' hoverClass='reminder-toggle__ask--pressed' ariaRole='button' onClick={() => void askForReminder(kind).then(setStatus)}>
        <Text>{status === 'on' ? '再提醒一次' : '提醒我'}</Text>
      </View>
    </View>
  );
}
