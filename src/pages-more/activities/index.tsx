import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { pageUrl } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { useActionQuery } from '../../client/useActionQuery';
import { useReloadOnReturn } from '../../client/useReloadOnReturn';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { PageFooter } from '../../components/PageFooter';
import { Section } from '../../components/Section';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { FlaggedAttendance } from './FlaggedAttendance';
import { PostForm } from './PostForm';

/** 一季一活动: the pairing's joint activities, posted ahead; the organiser shows the venue code and writes the record. */
export default function ActivitiesPage() {
  const { state, reload } = useActionQuery('activities.list', {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined, '/pages-more/activities/index');
  // The list answers the pairings the caller may post for (the unit side): one call for the screen.
  const pairingId = state.status === 'ready' ? state.data.postable[0]?.pairingId : undefined;
  // Back from the venue code or the record: the attendance and the record link are read again.
  useReloadOnReturn(reload);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  let list;
  if (state.status === 'loading' || redirecting) list = <LoadingView />;
  else if (state.status === 'error') list = <ErrorView error={state.error} onRetry={() => void reload()} />;
  else if (state.data.items.length === 0) list = <CalmState id='activities-empty' title='还没有发布的联合活动' text='每季度至少开展一次双方党群组织的联合活动，可以提前发布，让双方都看到安排。' />;
  else
    list = state.data.items.map((activity) => (
      <View key={activity.id} className='card' id={`activity-${activity.id}`}>
        <Text className='card__title'>{activity.title}</Text>
        <Text className='card__text'>
          {activity.date} {activity.startTime} · {activity.place}
        </Text>
        <Text className='card__text'>{activity.agenda}</Text>
        <Text className='card__text'>
          {activity.unitName} · {activity.orgName} · 已签到 {activity.attendance.length} 人
        </Text>
        <FlaggedAttendance activityId={activity.id} attendance={activity.attendance} />
        {activity.organiser ? (
          <View>
            <ActionButton id={`venue-${activity.id}`} text='出示现场签到码' variant='secondary' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages-more/activities/venue/index', { id: activity.id }) })} />
            {activity.recordId ? (
              <ActionButton id={`record-${activity.id}`} text='查看活动记录' variant='secondary' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages/record/index', { id: activity.recordId ?? undefined }) })} />
            ) : (
              <ActionButton
                id={`write-${activity.id}`}
                text='写活动记录'
                onTap={() => void Taro.navigateTo({ url: pageUrl('/pages-work/record-edit/index', { pairing: activity.pairingId, kind: 'quarterlyActivity', activity: activity.id }) })}
              />
            )}
          </View>
        ) : null}
      </View>
    ));

  return (
    <View className='page activities-page'>
      <View className='page__body'>
        {pairingId ? (
          <Section id='post' title='发布联合活动'>
            <PostForm pairingId={pairingId} onPosted={() => void reload()} />
          </Section>
        ) : null}
        <Section id='activities' title='联合活动'>
          {list}
        </Section>
      </View>
      <PageFooter />
    </View>
  );
}
