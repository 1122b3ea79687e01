import { Text, View } from '@tarojs/components';
import { GrantCard } from '../../components/GrantCard';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeQuery } from '../shared/useOfficeQuery';
import { AdminSection } from './AdminSection';
import { LeaderRequestsSection } from './LeaderRequestsSection';
import { WaitingSection } from './WaitingSection';
import { WorkSection } from './WorkSection';

function OfficeHome() {
  const { state, reload } = useOfficeQuery('admin.overview', {}, { returnTo: '/pages-office/index/index' });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  return (
    <View>
      <Text className='page-title'>共建办工作台</Text>
      <WaitingSection waiting={state.data.waiting} />
      {state.data.leaderRequests.length > 0 ? <LeaderRequestsSection requests={state.data.leaderRequests} /> : null}
      <Section id='office-scopes' title='负责范围'>
        {state.viewer.grants.map((grant) => (
          <GrantCard key={`${grant.role}:${grant.scopeType}:${grant.scopeId}`} role={grant.role} scopeName={grant.scopeName} approved={grant.approved} />
        ))}
      </Section>
      <WorkSection />
      <AdminSection overview={state.data} />
    </View>
  );
}

/** 共建办工作台: what waits for the office (with counts), what it is responsible for, and the way to each of its tasks. */
export default function OfficeIndexPage() {
  return <PageFrame className='office-page'><OfficeHome /></PageFrame>;
}
