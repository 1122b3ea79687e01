import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ActionError } from '../../contract/errors';
import { ActionButton } from '../../components/ActionButton';
import { TextAreaField } from '../../components/TextAreaField';

/** records.dispute accepts a reason of at most this many characters. */
export const DISPUTE_REASON_MAX = 500;

export interface DisputeFormProps {
  readonly busy: boolean;
  readonly onSend: (reason: string) => Promise<ActionError | null>;
  readonly onCancel: () => void;
}

/** 有异议: the reason is required, so the unit knows what to correct. */
export function DisputeForm({ busy, onSend, onCancel }: DisputeFormProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  async function send() {
    if (reason.trim() === '') {
      setError('请填写异议理由，让单位知道哪里需要修改');
      return;
    }
    const refused = await onSend(reason.trim());
    if (refused) setError(refused.message);
  }

  return (
    <View id='dispute-form'>
      <TextAreaField
        id='field-reason'
        label='异议理由'
        value={reason}
        max={DISPUTE_REASON_MAX}
        placeholder='请写明哪里与实际情况不符'
        error={error}
        onChange={(value) => {
          setReason(value);
          if (error !== undefined) setError(undefined);
        }}
      />
      <ActionButton id='dispute-send' text='提交异议' variant='secondary' busy={busy} busyText='正在提交…' onTap={() => void send()} />
      <ActionButton id='dispute-cancel' text='取消' variant='secondary' onTap={onCancel} />
    </View>
  );
}
