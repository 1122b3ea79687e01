import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { HomeOutput } from '../../contract/records';
import type { PersonView } from '../../contract/session';
import { isOffice, subjectOf } from '../../domain/access/policy';
import { onNetworkBack, onQueueEvent, queuedSubmissions, startQueueRetries } from '../../client/recordQueue';
import { localSignInUrl, useSignInRedirect } from '../../client/signIn';
import { useActionQuery } from '../../client/useActionQuery';
import { ReminderToggle } from '../../components/ReminderToggle';
import { ActionButton } from '../../components/ActionButton';
import { GrantCard } from '../../components/GrantCard';
import { LinkRow } from '../../components/LinkRow';
import { PageFooter, type FooterLink } from '../../components/PageFooter';
import { Section } from '../../components/Section';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { AwaitingApproval } from './AwaitingApproval';
import { MoreSection } from './MoreSection';
import { OfflineHome } from './OfflineHome';
import { PendingLeadersSection } from './PendingLeadersSection';
import { QueueNotice } from './QueueNotice';
import { ResultsSection } from './ResultsSection';
import { WorkSections } from './WorkSections';
import './index.css';

const officeUrl = '/pages-office/index/index';

function footerLinks(): FooterLink[] {
  // The shared complaints and suggestions entry joins these links.
  if (process.env.TARO_ENV === 'h5') {
    return [
      { id: 'switch-demo-person', text: '切换演示身份', url: localSignInUrl },
      { id: 'local-outbox', text: '本地消息发件箱', url: '/pages/outbox/index' },
    ];
  }
  return [];
}

function NotJoined() {
  return (
    <View className='card' id='not-joined'>
      <Text className='card__title'>您还没有加入</Text>
      <Text className='card__text'>
        “共建”仅对受邀的机关事业单位、“两新”组织和党群共建办人员开放。请联系您所在单位或街道党群共建办，打开他们发给您的邀请链接或扫描邀请二维码加入。
      </Text>
      {process.env.TARO_ENV === 'h5' ? (
        <ActionButton
          id='go-local-signin'
          text='本地演示登录'
          variant='secondary'
          onTap={() => void Taro.navigateTo({ url: localSignInUrl })}
        />
      ) : null}
    </View>
  );
}

function Joined({ person, home }: { readonly person: PersonView; readonly home: HomeOutput }) {
  const subject = subjectOf(person.grants);
  const hasOfficeRole = isOffice(subject);
  const unitSide = subject.unitIds.length > 0;
  const leader = subject.orgIds.length > 0;
  const awaitingOrgs = person.grants.filter((grant) => grant.role === 'orgLeader' && !grant.approved).map((grant) => grant.scopeName);
  return (
    <View>
      <Text className='page-title' id='greeting'>
        您好，{person.name}
      </Text>
      <QueueNotice items={queuedSubmissions()} />
      <AwaitingApproval orgNames={awaitingOrgs} />
      {unitSide || leader ? <WorkSections home={home} unitSide={unitSide} leader={leader} /> : null}
      {unitSide ? <ResultsSection results={home.results} /> : null}
      {/* Reminders are asked for inside their own tap (WeChat allows requestSubscribeMessage only there). */}
      {unitSide ? <ReminderToggle kind='cadence' /> : null}
      {subject.orgIds.length > 0 ? <ReminderToggle kind='confirm' /> : null}
      {unitSide || leader || hasOfficeRole ? <PendingLeadersSection leaders={home.pendingLeaders} /> : null}
      <MoreSection grants={person.grants} />
      <Section id='my-grants' title='我的身份'>
        {person.grants.length === 0 ? (
          <View>
            <View className='card'>
              <Text className='card__text'>您目前没有任何身份，请联系邀请您的单位或共建办。</Text>
            </View>
            {/* A party leader whose request was refused holds no grant: the reason and 重新申请 are on the pending page. */}
            <LinkRow id='go-leader-requests' text='党组织负责人申请的审核结果' onTap={() => void Taro.navigateTo({ url: '/pages/pending/index' })} />
          </View>
        ) : (
          person.grants.map((grant) => (
            <GrantCard
              key={`${grant.role}:${grant.scopeType}:${grant.scopeId}`}
              role={grant.role}
              scopeName={grant.scopeName}
              approved={grant.approved}
            />
          ))
        )}
        {hasOfficeRole ? (
          <ActionButton
            id='go-office'
            text='进入共建办工作台'
            onTap={() => void Taro.navigateTo({ url: officeUrl })}
          />
        ) : null}
      </Section>
    </View>
  );
}

/** 首页: everything the screen shows comes back in one call, `records.home`. */
export default function HomePage() {
  const { state, reload } = useActionQuery('records.home', {});
  const redirecting = useSignInRedirect(state.status === 'error' ? state.error : undefined);
  // Bumped when the phone's queue changes, so the queued records shown are current.
  const [version, setVersion] = useState(0);
  const shown = useRef(false);

  // Shown offline (the network, or the server, did not answer): try again by itself once the network is back.
  const offline = state.status === 'error' && state.error.code === 'INTERNAL';
  const offlineRef = useRef(offline);
  offlineRef.current = offline;

  useEffect(() => {
    startQueueRetries();
    // A queued record sent (or refused): the screen's answer changes too.
    const offQueue = onQueueEvent(() => {
      setVersion((value) => value + 1);
      void reload({ quiet: true });
    });
    const offNetwork = onNetworkBack(() => {
      if (offlineRef.current) void reload();
    });
    return () => {
      offQueue();
      offNetwork();
    };
  }, [reload]);

  // Coming back to the page (after writing or confirming a record): read the screen again.
  useDidShow(() => {
    if (shown.current) void reload({ quiet: true });
    shown.current = true;
  });

  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh());
  });

  let body;
  if (state.status === 'loading' || redirecting) {
    body = <LoadingView />;
  } else if (offline) {
    body = <OfflineHome key={version} message={state.error.message} onRetry={() => void reload()} />;
  } else if (state.status === 'error') {
    body = <ErrorView error={state.error} onRetry={() => void reload()} />;
  } else if (state.data.person === null) {
    body = <NotJoined />;
  } else {
    body = <Joined key={version} person={state.data.person} home={state.data} />;
  }

  return (
    <View className='page home-page'>
      <View className='page__body'>{body}</View>
      <PageFooter links={footerLinks()} />
    </View>
  );
}
