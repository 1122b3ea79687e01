import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { UnitDetail } from '../../contract/admin';
import { unitLevels } from '../../domain/catalog/organisations';
import type { UnitLevel } from '../../domain/catalog/organisations';
import { callAction } from '../../client/callAction';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { ChoiceField } from '../shared/ChoiceField';
import { MembershipSections } from '../shared/MembershipSections';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { PairingSection } from '../shared/PairingSection';
import { TextField } from '../shared/TextField';
import { useDetailForm } from '../shared/useDetailForm';
import { useOfficeQuery } from '../shared/useOfficeQuery';

const levelOptions = (Object.keys(unitLevels) as UnitLevel[]).map((id) => ({ id, label: unitLevels[id] }));

interface UnitForm {
  name: string;
  code: string;
  level: UnitLevel | '';
  streetId: string;
  contactName: string;
  contactPhone: string;
}

function formOf(detail: UnitDetail | null): UnitForm {
  const unit = detail?.unit;
  return { name: unit?.name ?? '', code: unit?.code ?? '', level: unit?.level ?? '', streetId: unit?.streetId ?? '', contactName: unit?.contactName ?? '', contactPhone: unit?.contactPhone ?? '' };
}

function UnitEditor({ unitId }: { readonly unitId: string | undefined }) {
  const returnTo = pageUrl('/pages-office/unit/index', { id: unitId });
  const streets = useOfficeQuery('admin.overview', {}, { returnTo });
  const editor = useDetailForm({ id: unitId, load: (id) => callAction('admin.unit', { unitId: id }), formOf });
  const { detail, form, set, errors, setErrors, message, busy } = editor;

  async function save() {
    if (!form.level) return setErrors({ level: '请选择单位层级' });
    if (!form.streetId) return setErrors({ streetId: '请选择所在街道' });
    const level = form.level;
    await editor.save(
      () =>
        callAction('admin.saveUnit', {
          ...(unitId ? { unitId } : {}),
          name: form.name,
          ...(form.code.trim() ? { code: form.code.trim() } : {}),
          level,
          streetId: form.streetId,
          contactName: form.contactName,
          contactPhone: form.contactPhone,
        }),
      (saved) => void Taro.redirectTo({ url: pageUrl('/pages-office/unit/index', { id: saved.unit.id }) }),
    );
  }

  if (streets.access.status !== 'office') return <OfficeWaitingView state={streets.access} onRetry={() => void streets.reload()} />;
  if (unitId && !detail) return editor.loadError ? <ErrorView error={editor.loadError} onRetry={() => void editor.reload()} /> : <LoadingView />;
  const canManage = detail ? detail.canManage : true;
  const streetOptions = streets.state.status === 'ready' ? streets.state.data.streets.map((street) => ({ id: street.id, label: street.name })) : [];
  return (
    <View>
      <Text className='page-title'>{detail ? detail.unit.name : '新增单位'}</Text>
      {message ? <Notice id='unit-message' tone={message.tone} text={message.text} /> : null}
      <TextField id='unit-name' label='单位名称' value={form.name} onChange={set('name')} error={errors['name']} disabled={!canManage} maxlength={60} />
      <TextField id='unit-code' label='单位编码' value={form.code} onChange={set('code')} error={errors['code']} optional hint='不填则自动生成' disabled={!canManage} maxlength={32} />
      <ChoiceField id='unit-level' label='单位层级' options={levelOptions} value={form.level} onChange={set('level')} error={errors['level']} disabled={!canManage} />
      <ChoiceField id='unit-street' label='所在街道' options={streetOptions.length > 0 ? streetOptions : detail ? [{ id: detail.unit.streetId, label: detail.unit.streetName }] : []} value={form.streetId} onChange={set('streetId')} error={errors['streetId']} disabled={!canManage} />
      <TextField id='unit-contact' label='联系人' value={form.contactName} onChange={set('contactName')} error={errors['contactName']} optional disabled={!canManage} maxlength={20} />
      <TextField id='unit-phone' label='联系电话' value={form.contactPhone} onChange={set('contactPhone')} error={errors['contactPhone']} optional disabled={!canManage} maxlength={20} />
      {canManage ? <ActionButton id='save-unit' text={unitId ? '保存' : '新增单位'} busy={busy} busyText='正在保存…' onTap={() => void save()} /> : null}
      {detail ? (
        <View>
          <PairingSection unitId={detail.unit.id} pairings={detail.pairings} canManage={detail.canManage} onChanged={() => void editor.reload()} />
          <MembershipSections scopeType='unit' scopeId={detail.unit.id} name={detail.unit.name} showPeople canManagePeople={detail.canManagePeople} showAudit />
        </View>
      ) : null}
    </View>
  );
}

/** A unit: its details, its pairings (change of partner keeps history), its people and invitation. */
export default function UnitPage() {
  const params = usePageParams();
  return <PageFrame className='unit-page'><UnitEditor unitId={params['id']} /></PageFrame>;
}
