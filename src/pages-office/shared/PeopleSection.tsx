import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PersonAdminView } from '../../contract/admin';
import type { Role } from '../../contract/people';
import type { ActionResult } from '../../contract/result';
import { callAction } from '../../client/callAction';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { roleLabel } from '../../components/roles';

export interface PeopleSectionProps {
  readonly scopeType: 'unit' | 'org';
  readonly scopeId: string;
  /** As the unit's or org's own answer lists them. */
  readonly people: readonly PersonAdminView[];
  readonly canManage: boolean;
  /** After a change: the page asks for the unit or org again, its people with it. */
  readonly onChanged: () => void;
}

/** A unit's or org's people and their roles; those who manage it may change roles and remove people. */
export function PeopleSection({ scopeType, scopeId, people, canManage, onChanged }: PeopleSectionProps) {
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  async function act(work: () => Promise<ActionResult<unknown>>, done: string) {
    setMessage(null);
    const result = await work();
    setMessage(result.ok ? { tone: 'success', text: done } : { tone: 'error', text: result.error.message });
    if (result.ok) onChanged();
  }

  async function remove(person: PersonAdminView, role: Role) {
    const answer = await Taro.showModal({ title: '移出人员', content: `确定将${person.name}移出吗？移出后此人不能再以该身份使用，其他身份不受影响。`, confirmText: '移出' });
    if (!answer.confirm) return;
    await act(() => callAction('admin.removeGrant', { personId: person.id, role, scopeId }), `已将${person.name}移出`);
  }

  let body;
  if (people.length === 0) body = <Text className='muted'>还没有人加入，请把下方的邀请码发给他们。</Text>;
  else {
    body = people.map((person) =>
      person.grants.map((grant) => (
        <View key={`${person.id}-${grant.role}`} className='card' id={`person-${person.id}`}>
          <Text className='card__title'>{person.name}</Text>
          <Text className='card__text'>
            {roleLabel(grant.role)}
            {grant.approved ? '' : '（待审核）'}
          </Text>
          {canManage && scopeType === 'unit' ? (
            <View className='button-row'>
              <ActionButton
                id={`role-${person.id}`}
                variant='secondary'
                text={grant.role === 'unitHead' ? '改为工作人员' : '设为主要负责人'}
                onTap={() => void act(() => callAction('admin.setUnitRole', { personId: person.id, unitId: scopeId, role: grant.role === 'unitHead' ? 'unitStaff' : 'unitHead' }), '角色已调整')}
              />
            </View>
          ) : null}
          {canManage ? (
            <View className='button-row'>
              <ActionButton id={`remove-${person.id}`} variant='secondary' text='移出' onTap={() => void remove(person, grant.role)} />
            </View>
          ) : null}
        </View>
      )),
    );
  }
  return (
    <Section id='people' title='人员'>
      {message ? <Notice id='people-message' tone={message.tone} text={message.text} /> : null}
      {body}
    </Section>
  );
}
