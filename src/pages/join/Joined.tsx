import Taro from '@tarojs/taro';
import type { JoinOutput } from '../../contract/session';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { Notice } from '../../components/Notice';
import { ReminderToggle } from '../../components/ReminderToggle';
import { roleLabel } from '../../components/roles';

/** After joining: where, as what, and for a party leader that approval comes first. */
export function Joined({ joined }: { readonly joined: JoinOutput }) {
  const { grant } = joined;
  return (
    <CalmState
      id='joined'
      tone='success'
      title={joined.alreadyMember ? '您已经加入了' : '加入成功'}
      text={`${grant.scopeName} · ${roleLabel(grant.role)}`}
    >
      {grant.role === 'orgLeader' && !grant.approved ? (
        <Notice
          id='join-awaiting-approval'
          tone='warning'
          title='待审核'
          text='您的党组织负责人身份需要结对单位或党群共建办审核。审核通过后，您就可以确认单位提交的共建记录。'
        />
      ) : null}
      {grant.role === 'orgLeader' ? <ReminderToggle kind='confirm' /> : grant.role === 'unitStaff' || grant.role === 'unitHead' ? <ReminderToggle kind='cadence' /> : null}
      <ActionButton id='go-home' text='进入首页' onTap={() => void Taro.reLaunch({ url: '/pages/home/index' })} />
    </CalmState>
  );
}
