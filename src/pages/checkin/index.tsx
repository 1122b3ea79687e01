import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { CheckInEvidence } from '../../components/CheckInEvidence';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import { LoadingView } from '../../components/StatusView';
import { PhotoPicker } from './PhotoPicker';
import { askForReminder } from '../../client/reminderSubscription';
import { ReminderToggle } from '../../components/ReminderToggle';
import { useCheckIn, type CheckInState } from './useCheckIn';
import { PageFooter } from '../../components/PageFooter';
import './index.css';
import { checkInUploadFolder } from '../../contract/uploads';

function NoLocation({ denied }: { readonly denied: boolean }) {
  return (
    <Notice
      id='no-location'
      tone='warning'
      title={denied ? '没有获得位置权限' : '暂时无法获取位置'}
      text={
        denied
          ? '签到需要您允许使用位置。签到只是到访的佐证，不是必须的：可以允许后重试，也可以不签到，直接写记录。'
          : '可能是信号较弱或手机未开启定位。签到只是到访的佐证，不是必须的：可以稍后重试，也可以不签到，直接写记录。'
      }
    >
      {denied && process.env.TARO_ENV === 'weapp' ? (
        <ActionButton id='open-settings' text='去设置中允许位置' variant='secondary' onTap={() => void Taro.openSetting()} />
      ) : null}
    </Notice>
  );
}

function CheckInButton({ state, onTap }: { readonly state: CheckInState; readonly onTap: () => void }) {
  const busy = state.step === 'locating' || state.step === 'sending';
  const retry = state.step === 'noLocation' || state.step === 'failed';
  return (
    <ActionButton
      id='checkin-submit'
      text={retry ? '重试签到' : '签到'}
      busy={busy}
      busyText={state.step === 'locating' ? '正在获取位置…' : '正在签到…'}
      onTap={onTap}
    />
  );
}

/** 到访签到: one tap records time and place as evidence of the visit; never required, never a failure. */
export default function CheckInPage() {
  const params = usePageParams();
  const pairingId = params['pairing'] ?? '';
  const orgName = params['org'];
  const { state, checkIn } = useCheckIn(pairingId);
  const [photo, setPhoto] = useState<string | null>(null);
  const redirecting = useSignInRedirect(state.step === 'failed' ? state.error : undefined, pageUrl('/pages/checkin/index', { pairing: pairingId, org: orgName }));

  const writeRecord = (checkInId?: string) =>
    void Taro.navigateTo({
      url: pageUrl('/pages-work/record-edit/index', { pairing: pairingId, kind: 'monthlyVisit', checkIn: checkInId, photo: photo ?? undefined }),
    });

  let body;
  if (pairingId === '') {
    body = <CalmState id='no-pairing' title='没有找到结对信息' text='请从首页的“到访签到”进入。' />;
  } else if (redirecting) {
    body = <LoadingView />;
  } else if (state.step === 'done') {
    body = (
      <View>
        <CalmState id='checked-in' tone='success' title='已签到'>
          <View className='checkin-page__evidence'>
            <CheckInEvidence checkIn={state.checkIn} />
          </View>
        </CalmState>
        <PhotoPicker folder={checkInUploadFolder(pairingId)} fileId={photo} onUploaded={setPhoto} />
        <ReminderToggle kind='cadence' />
        <ActionButton id='write-visit' text='写访问记录' onTap={() => writeRecord(state.checkIn.id)} />
      </View>
    );
  } else {
    body = (
      <View>
        <Text className='page-title'>{orgName ? `到访 ${orgName}` : '到访签到'}</Text>
        <Text className='page-subtitle'>到达后点一下“签到”，记录时间和位置，作为到访的佐证。</Text>
        {state.step === 'noLocation' ? <NoLocation denied={state.denied} /> : null}
        {state.step === 'failed' ? <Notice id='checkin-error' tone='error' title='签到没有成功' text={state.error.message} /> : null}
        <CheckInButton
          state={state}
          onTap={() => {
            // Inside the tap, as WeChat requires: one allowance for this period's visit/activity reminder.
            void askForReminder('cadence');
            void checkIn();
          }}
        />
        <LinkRow id='write-without-checkin' text='不签到，直接写记录' onTap={() => writeRecord()} />
      </View>
    );
  }

  return (
    <View className='page checkin-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
