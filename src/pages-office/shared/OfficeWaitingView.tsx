import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { ErrorView, LoadingView } from '../../components/StatusView';
import type { OfficeWaiting } from './officeAccess';

export interface OfficeWaitingViewProps {
  readonly state: OfficeWaiting;
  readonly onRetry: () => void;
  readonly loadingText?: string;
}

/**
 * What an office page shows until its content can: loading, the error with 重试, or — for someone
 * who is not a street or district office — a calm word and the way home (the cloud functions refuse
 * them anyway; this spares them a page of refusals).
 */
export function OfficeWaitingView({ state, onRetry, loadingText }: OfficeWaitingViewProps) {
  if (state.status === 'loading') return <LoadingView text={loadingText} />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={onRetry} />;
  return (
    <CalmState id='not-office' title='此页面供党群共建办使用' text={state.reason ?? '您当前没有街道或区委党群共建办的身份。'}>
      <ActionButton id='back-home' text='返回首页' variant='secondary' onTap={() => void Taro.reLaunch({ url: '/pages/home/index' })} />
    </CalmState>
  );
}
