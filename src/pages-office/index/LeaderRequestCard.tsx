import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { LeaderRequestView } from '../../contract/adminLeaders';
import { REFUSAL_REASON_MAX } from '../../contract/adminLeaders';
import { ActionButton } from '../../components/ActionButton';
import { chinaDateTimeLabel } from '../../components/format';
import { Notice } from '../../components/Notice';
import { TextAreaField } from '../../components/TextAreaField';

export interface LeaderRequestCardProps {
  readonly request: LeaderRequestView;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onApprove: () => void;
  readonly onRefuse: (reason: string) => void;
}

/** One person asking to be an org's party leader: who they are, 通过, or 退回 with a reason they will read. */
export function LeaderRequestCard({ request, busy, error, onApprove, onRefuse }: LeaderRequestCardProps) {
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = `leader-${request.personId}-${request.orgId}`;

  function refuse() {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    onRefuse(reason.trim());
  }

  return (
    <View className='card' id={id}>
      <Text className='card__title'>{request.name}</Text>
      <Text className='card__text'>申请担任：{request.orgName} 党组织负责人</Text>
      <Text className='card__text'>申请时间：{request.requestedAt ? chinaDateTimeLabel(request.requestedAt) : '未记录'}</Text>
      <Text className='card__text'>邀请人：{request.invitedByName ?? '未记录'}</Text>
      {error ? <Notice tone='error' text={error} /> : null}
      {refusing ? (
        <View>
          <TextAreaField
            id={`${id}-reason`}
            label='退回原因（申请人会看到）'
            value={reason}
            max={REFUSAL_REASON_MAX}
            placeholder='例如：经核实不是该组织的党组织负责人'
            error={missing ? '请填写退回原因' : undefined}
            onChange={(value) => {
              setReason(value);
              setMissing(false);
            }}
          />
          <ActionButton id={`${id}-refuse-confirm`} text='确认退回' busy={busy} busyText='正在提交…' onTap={refuse} />
          <ActionButton id={`${id}-refuse-cancel`} text='取消' variant='secondary' onTap={() => setRefusing(false)} />
        </View>
      ) : (
        <View>
          <ActionButton id={`${id}-approve`} text='通过' busy={busy} busyText='正在提交…' onTap={onApprove} />
          <ActionButton id={`${id}-refuse`} text='退回' variant='secondary' onTap={() => setRefusing(true)} />
        </View>
      )}
    </View>
  );
}
