import { View } from '@tarojs/components';
import { callAction } from '../../client/callAction';
import { usePageParams } from '../../client/pageParams';
import { quickPosition } from '../../client/quickPosition';
import type { ActionCaller } from '../../client/useActionQuery';
import { useSignInRedirect } from '../../client/signIn';
import { useActionQuery } from '../../client/useActionQuery';
import { CalmState } from '../../components/CalmState';
import { PageFooter } from '../../components/PageFooter';
import { ErrorView, LoadingView } from '../../components/StatusView';

/** `<activityId>.<code>` from the venue QR code (the mini-program code's scene, or the h5 link's query). */
export function parseVenueScene(scene: string | undefined): { activityId: string; code: string } | undefined {
  const match = /^([\w-]{1,64})\.([A-Z2-7]{6})$/.exec(scene ?? '');
  return match ? { activityId: match[1]!, code: match[2]! } : undefined;
}

/**
 * The scan with the phone's position when it comes at once (optional: refused or slow means none).
 * The server keeps only the distance from the venue, to flag a code forwarded to someone elsewhere.
 */
const attendWhereYouAre: ActionCaller = async (action, input) => {
  const position = await quickPosition();
  return callAction(action, position ? { ...input, position } : input);
};

/** 活动签到: a participant scans the code on the organiser's phone at the venue; one tap is the whole flow. */
export default function AttendPage() {
  const params = usePageParams();
  const venue = parseVenueScene(params.scene);
  const { state, reload } = useActionQuery('activities.attend', venue ?? { activityId: '-', code: '------' }, attendWhereYouAre);
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, `/pages/attend/index?scene=${params.scene ?? ''}`);

  let body;
  if (!venue) {
    body = <CalmState id='attend-bad-code' title='二维码无法识别' text='请重新扫描组织者手机上显示的活动签到码。' />;
  } else if (state.status === 'loading' || redirecting) {
    body = <LoadingView />;
  } else if (state.status === 'error') {
    body =
      state.error.code === 'INTERNAL' ? (
        <ErrorView error={state.error} onRetry={() => void reload()} />
      ) : (
        <CalmState id='attend-refused' title='未能签到' text={state.error.message} />
      );
  } else {
    const { activity, alreadyCheckedIn } = state.data;
    body = (
      <CalmState
        id='attend-done'
        tone='success'
        title={alreadyCheckedIn ? '您已签到，无需重复' : '签到成功'}
        text={`${activity.title} · ${activity.date} ${activity.startTime} · ${activity.place}。已签到 ${activity.attendance.length} 人。`}
      />
    );
  }
  return (
    <View className='page attend-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
