import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { listDemoPeople, signInAs, signOut } from '../../client/localSession';
import type { DemoPerson } from '../../contract/localSignIn';
import { usePageParams } from '../../client/pageParams';
import { safeReturnPath } from '../../client/signIn';
import { ActionButton } from '../../components/ActionButton';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { roleLabel } from '../../components/roles';
import { PageFooter } from '../../components/PageFooter';
import './index.css';

type PeopleState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly people: readonly DemoPerson[] };

function messageOf(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : '操作失败，请重试';
}

function PersonRow({
  person,
  busy,
  onPick,
}: {
  readonly person: DemoPerson;
  readonly busy: boolean;
  readonly onPick: () => void;
}) {
  const roles = person.grants.map((grant) => `${roleLabel(grant.role)} · ${grant.scopeName}`);
  return (
    <View
      id={`demo-person-${person.openid}`}
      className={`card demo-person${busy ? ' demo-person--busy' : ''}`}
      hoverClass='demo-person--pressed'
      ariaRole='button'
      ariaLabel={`以${person.name}的身份登录`}
      onClick={onPick}
    >
      <Text className='demo-person__name'>{person.name}</Text>
      {roles.length === 0 ? (
        <Text className='demo-person__role'>尚未加入</Text>
      ) : (
        roles.map((text) => (
          <Text key={text} className='demo-person__role'>
            {text}
          </Text>
        ))
      )}
      {busy ? <Text className='demo-person__busy'>正在登录…</Text> : null}
    </View>
  );
}

export default function LocalSignInPage() {
  // Where to go after signing in: the page that sent the person here (e.g. a confirm link), else home.
  const returnTo = safeReturnPath(usePageParams()['redirect']) ?? '/pages/home/index';
  const [state, setState] = useState<PeopleState>({ status: 'loading' });
  const [pending, setPending] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', people: await listDemoPeople() });
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function pick(openid: string) {
    if (pending !== null) return;
    setPending(openid);
    setActionError(null);
    try {
      await signInAs(openid);
      await Taro.reLaunch({ url: returnTo });
    } catch (error) {
      setActionError(messageOf(error));
    } finally {
      setPending(null);
    }
  }

  async function leave() {
    setActionError(null);
    try {
      await signOut();
      await Taro.showToast({ title: '已退出登录', icon: 'none' });
    } catch (error) {
      setActionError(messageOf(error));
    }
  }

  let body;
  if (state.status === 'loading') {
    body = <LoadingView />;
  } else if (state.status === 'error') {
    body = <ErrorView error={{ message: state.message }} onRetry={() => void load()} />;
  } else if (state.people.length === 0) {
    body = (
      <View className='card'>
        <Text className='card__text'>本地环境里还没有演示人员，请先导入演示数据。</Text>
      </View>
    );
  } else {
    body = state.people.map((person) => (
      <PersonRow
        key={person.openid}
        person={person}
        busy={pending === person.openid}
        onPick={() => void pick(person.openid)}
      />
    ));
  }

  return (
    <View className='page local-signin-page'>
      <View className='page__body'>
        <View className='local-signin__banner'>
          <Text className='local-signin__banner-title'>本地演示登录（仅本地环境）</Text>
          <Text className='local-signin__banner-text'>
            选择一位演示人员，以其身份使用。正式小程序由微信识别身份，没有此页面。
          </Text>
        </View>
        {actionError === null ? null : (
          <View className='local-signin__error'>
            <Text>{actionError}</Text>
          </View>
        )}
        {body}
        <ActionButton id='local-signout' text='退出当前登录' variant='secondary' onTap={() => void leave()} />
      </View>
      <PageFooter />
    </View>
  );
}
