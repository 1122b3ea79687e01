import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { pageUrl } from '../../client/pageParams';
import { LinkRow } from '../../components/LinkRow';
import { InvitationSection } from './InvitationSection';
import { PeopleSection } from './PeopleSection';

export interface MembershipSectionsProps {
  readonly scopeType: 'unit' | 'org';
  readonly scopeId: string;
  readonly name: string;
  /** Its people and invitation are shown to those who may see them… */
  readonly showPeople: boolean;
  /** …and changed (roles, removals, stopping the invitation) by those who manage them. */
  readonly canManagePeople: boolean;
  readonly showAudit: boolean;
}

/** Below a unit's or an org's details: its people, its invitation, and the way to its audit trail. */
export function MembershipSections({ scopeType, scopeId, name, showPeople, canManagePeople, showAudit }: MembershipSectionsProps) {
  const auditFilter = scopeType === 'unit' ? { unitId: scopeId } : { orgId: scopeId };
  return (
    <View>
      {showPeople ? <PeopleSection scopeType={scopeType} scopeId={scopeId} canManage={canManagePeople} /> : null}
      {showPeople ? <InvitationSection scopeType={scopeType} scopeId={scopeId} canRevoke={canManagePeople} /> : null}
      {showAudit ? <LinkRow id={`${scopeType}-audit`} text='查看审计记录' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages-office/audit/index', { ...auditFilter, label: name }) })} /> : null}
    </View>
  );
}
