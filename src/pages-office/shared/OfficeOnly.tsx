import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import type { RoleGrantView } from '../../contract/session';
import { useWhoami } from '../../client/useWhoami';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { isOfficeRole } from '../../components/roles';

/**
 * Office pages show their content to street and district office people only (the cloud functions
 * refuse everyone else anyway; this only spares others a page of refusals).
 */
export function OfficeOnly({ returnTo, children }: { readonly returnTo: string; readonly children: (grants: readonly RoleGrantView[]) => ReactNode }) {
  const { state, reload, redirecting } = useWhoami({ returnTo });
  if (state.status === 'loading' || redirecting) return <LoadingView />;
  if (state.status === 'error') return <ErrorView message={state.error.message} onRetry={() => void reload()} />;
  const grants = state.data.person?.grants.filter((grant) => isOfficeRole(grant.role)) ?? [];
  if (grants.length === 0) {
    return (
      <CalmState id='not-office' title='此页面供党群共建办使用' text='您当前没有街道或区委党群共建办的身份。'>
        <ActionButton id='back-home' text='返回首页' variant='secondary' onTap={() => void Taro.reLaunch({ url: '/pages/home/index' })} />
      </CalmState>
    );
  }
  return <>{children(grants)}</>;
}

export function isDistrict(grants: readonly RoleGrantView[]): boolean {
  return grants.some((grant) => grant.role === 'districtOffice');
}
