import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { JoinOutput } from '../../contract/session';
import { callAction } from '../../client/callAction';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { useWhoami } from '../../client/useWhoami';
import { ActionButton } from '../../components/ActionButton';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { invitationCodeOf } from './codeParam';
import { Joined } from './Joined';
import { PageFooter } from '../../components/PageFooter';

/** 加入共建: an invitation code (from a link or QR code, or typed) and, the first time, one's name. */
export default function JoinPage() {
  const params = usePageParams();
  const initialCode = invitationCodeOf(params);
  const { state, reload, redirecting } = useWhoami({ returnTo: pageUrl('/pages/join/index', { code: initialCode || undefined }) });
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ code?: string; name?: string; other?: string }>({});
  const [joined, setJoined] = useState<JoinOutput | null>(null);

  async function join(firstTime: boolean) {
    setBusy(true);
    setErrors({});
    const result = await callAction('session.join', { code, ...(firstTime ? { name } : {}) });
    setBusy(false);
    if (result.ok) return setJoined(result.data);
    const { field, message } = result.error;
    setErrors(field === 'code' ? { code: message } : field === 'name' ? { name: message } : { other: message });
  }

  let body;
  if (state.status === 'loading' || redirecting) {
    body = <LoadingView />;
  } else if (state.status === 'error') {
    body = <ErrorView error={state.error} onRetry={() => void reload()} />;
  } else if (joined !== null) {
    body = <Joined joined={joined} />;
  } else {
    const firstTime = state.data.person === null;
    body = (
      <View>
        <Text className='page-title'>加入共建</Text>
        <Text className='page-subtitle'>输入单位或党群共建办给您的 8 位邀请码。</Text>
        {errors.other ? <Notice tone='error' text={errors.other} /> : null}
        <FormField id='field-code' label='邀请码' error={errors.code}>
          <Input id='code-input' className='form-input' value={code} maxlength={8} placeholder='8 位字母或数字' onInput={(event) => setCode(event.detail.value.toUpperCase())} />
        </FormField>
        {firstTime ? (
          <FormField id='field-name' label='您的姓名' hint='同事认识您的名字' error={errors.name}>
            <Input id='name-input' className='form-input' value={name} maxlength={20} placeholder='姓名' onInput={(event) => setName(event.detail.value)} />
          </FormField>
        ) : null}
        <ActionButton id='join-submit' text='加入' busy={busy} busyText='正在加入…' onTap={() => void join(firstTime)} />
      </View>
    );
  }

  return (
    <View className='page join-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
