import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { pageUrl } from '../../client/pageParams';
import type { PersonAdminView } from '../../contract/admin';
import { LinkRow } from '../../components/LinkRow';
import { InvitationSection } from './InvitationSection';
import { PeopleSection } from './PeopleSection';

export interface MembershipSectionsProps {
  readonly scopeType: 'unit' | 'org';
  readonly scopeId: string;
  readonly name: string;
  /** Its people and invitation are shown to those who may see them (null for the others)… */
  readonly people: readonly PersonAdminView[] | null;
  /** …and changed (roles, removals, stopping the invitation) by those who manage them. */
  readonly canManagePeople: boolean;
  readonly showAudit: boolean;
  /** After a change to its people: the page asks for the unit or org again. */
  readonly onChanged: () => void;
}

/** Below a unit's or an org's details: its people, its invitation, and the way to its audit trail. */
export function MembershipSections({ scopeType, scopeId, name, people, canManagePeople, showAudit, onChanged }: MembershipSectionsProps) {
  const auditFilter = scopeType === 'unit' ? { unitId: scopeId } : { orgId: scopeId };
  return (
    <View>
      {people ? <PeopleSection scopeType={scopeType} scopeId={scopeId} people={people} canManage={canManagePeople} onChanged={onChanged} /> : null}
      {people ? <InvitationSection scopeType={scopeType} scopeId={scopeId} canRevoke={canManagePeople} /> : null}
      {showAudit ? <LinkRow id={`${scopeType}-audit`} text='查看审计记录' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages-office/audit/index', { ...auditFilter, label: name }) })} /> : null}
    </View>
  );
}
