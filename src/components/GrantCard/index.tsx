import { Text, View } from '@tarojs/components';
import type { Role } from '../../contract/people';
import { roleLabel } from '../roles';
import './index.css';

export interface GrantCardProps {
  readonly role: Role;
  readonly scopeName: string;
  readonly approved: boolean;
}

/** One role a person holds, and where. */
export function GrantCard({ role, scopeName, approved }: GrantCardProps) {
  return (
    <View className='card grant-card'>
      <View className='grant-card__head'>
        <Text className='grant-card__scope'>{scopeName}</Text>
        {approved ? null : <Text className='grant-card__badge'>待审批</Text>}
      </View>
      <Text className='grant-card__role'>{roleLabel(role)}</Text>
    </View>
  );
}
