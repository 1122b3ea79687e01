import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RoleGrantView } from '../../contract/session';
import { useWhoami } from '../../client/useWhoami';
import { ActionButton } from '../../components/ActionButton';
import { GrantCard } from '../../components/GrantCard';
import { PageFooter } from '../../components/PageFooter';
import { Section } from '../../components/Section';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { isOfficeRole } from '../../components/roles';
import { AdminSection } from './AdminSection';
import { WorkSection } from './WorkSection';

function backHome() {
  void Taro.reLaunch({ url: '/pages/home/index' });
}

function OfficeScopes({ grants }: { readonly grants: readonly RoleGrantView[] }) {
  return (
    <View>
      <Text className='page-title'>共建办工作台</Text>
      <Section id='office-scopes' title='负责范围'>
        {grants.map((grant) => (
          <GrantCard
            key={`${grant.role}:${grant.scopeType}:${grant.scopeId}`}
            role={grant.role}
            scopeName={grant.scopeName}
            approved={grant.approved}
          />
        ))}
      </Section>
      <WorkSection />
      <AdminSection />
    </View>
  );
}

function NotAnOffice() {
  return (
    <View className='card' id='not-office'>
      <Text className='card__title'>此页面供党群共建办使用</Text>
      <Text className='card__text'>您当前没有街道或区委党群共建办的身份。</Text>
      <ActionButton id='back-home' text='返回首页' variant='secondary' onTap={backHome} />
    </View>
  );
}

export default function OfficeIndexPage() {
  const { state, reload, redirecting } = useWhoami();

  let body;
  if (state.status === 'loading' || redirecting) {
    body = <LoadingView />;
  } else if (state.status === 'error') {
    body = <ErrorView message={state.error.message} onRetry={() => void reload()} />;
  } else {
    const grants = state.data.person?.grants.filter((grant) => isOfficeRole(grant.role)) ?? [];
    body = grants.length > 0 ? <OfficeScopes grants={grants} /> : <NotAnOffice />;
  }

  return (
    <View className='page office-page'>
      <View className='page__body'>{body}</View>
      <PageFooter />
    </View>
  );
}
