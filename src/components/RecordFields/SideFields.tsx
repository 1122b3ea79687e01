import { Input, Text, View } from '@tarojs/components';
import { massOrganisations, type MassOrganisation } from '../../domain/catalog/organisations';
import { Chips } from '../Chips';
import { FormField } from '../FormField';
import { toggle, type Side, type SideForm } from './formModel';
import './SideFields.css';

const organisationOptions = (Object.keys(massOrganisations) as MassOrganisation[]).map((id) => ({ id, label: massOrganisations[id] }));

const sideLabels: Record<Side, string> = { unit: '我方（机关事业单位）', org: '结对“两新”组织方' };

export interface SideFieldsProps {
  readonly side: Side;
  readonly value: SideForm;
  readonly errors: { readonly participants?: string; readonly organisations?: string };
  readonly onChange: (value: SideForm) => void;
}

/** One side's 参加人员 (count, optional names) and the 党/工/青/妇 organisations taking part. */
export function SideFields({ side, value, errors, onChange }: SideFieldsProps) {
  return (
    <View>
      <FormField id={`field-participants-${side}`} label={`${sideLabels[side]}参加人员`} error={errors.participants}>
        <View className='side-fields__row'>
          <Text className='side-fields__label'>人数</Text>
          <Input
            id={`${side}-count`}
            className='form-input side-fields__count'
            type='number'
            value={value.count}
            placeholder='人数'
            onInput={(event) => onChange({ ...value, count: event.detail.value })}
          />
        </View>
        <Input
          id={`${side}-names`}
          className='form-input'
          value={value.names}
          maxlength={600}
          placeholder='姓名（选填，用顿号或逗号分隔）'
          onInput={(event) => onChange({ ...value, names: event.detail.value })}
        />
      </FormField>
      <FormField id={`field-organisations-${side}`} label={`${sideLabels[side]}参与的党群组织`} optional error={errors.organisations}>
        <Chips
          id={`${side}-org`}
          options={organisationOptions}
          selected={value.organisations}
          onToggle={(organisation) => onChange({ ...value, organisations: toggle(value.organisations, organisation) })}
        />
      </FormField>
    </View>
  );
}
