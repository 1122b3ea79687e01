import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StreetView, UnitDetail } from '../../contract/admin';
import { unitLevels } from '../../domain/catalog/organisations';
import type { UnitLevel } from '../../domain/catalog/organisations';
import { callAction } from '../../client/callAction';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
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

interface UnitEditorProps {
  /** The unit shown; null when adding a new one. */
  readonly loaded: UnitDetail | null;
  /** The streets a new unit may be placed in (a unit's own answer lists its own). */
  readonly newUnitStreets: readonly StreetView[];
  readonly reload: () => void;
}

function UnitEditor({ loaded, newUnitStreets, reload }: UnitEditorProps) {
  const editor = useDetailForm({ loaded, formOf });
  const { detail, form, set, errors, setErrors, message, busy } = editor;
  const unitId = loaded?.unit.id;

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
      !unitId,
      (saved) => void Taro.redirectTo({ url: pageUrl('/pages-office/unit/index', { id: saved.unit.id }) }),
    );
  }

  const canManage = detail ? detail.canManage : true;
  const streetOptions = (detail ? detail.streets : newUnitStreets).map((street) => ({ id: street.id, label: street.name }));
  return (
    <View>
      <Text className='page-title'>{detail ? detail.unit.name : '新增单位'}</Text>
      {message ? <Notice id='unit-message' tone={message.tone} text={message.text} /> : null}
      <TextField id='unit-name' label='单位名称' value={form.name} onChange={set('name')} error={errors['name']} disabled={!canManage} maxlength={60} />
      <TextField id='unit-code' label='单位编码' value={form.code} onChange={set('code')} error={errors['code']} optional hint='不填则自动生成' disabled={!canManage} maxlength={32} />
      <ChoiceField id='unit-level' label='单位层级' options={levelOptions} value={form.level} onChange={set('level')} error={errors['level']} disabled={!canManage} />
      <ChoiceField id='unit-street' label='所在街道' options={streetOptions} value={form.streetId} onChange={set('streetId')} error={errors['streetId']} disabled={!canManage} />
      <TextField id='unit-contact' label='联系人' value={form.contactName} onChange={set('contactName')} error={errors['contactName']} optional disabled={!canManage} maxlength={20} />
      <TextField id='unit-phone' label='联系电话' value={form.contactPhone} onChange={set('contactPhone')} error={errors['contactPhone']} optional disabled={!canManage} maxlength={20} />
      {canManage ? <ActionButton id='save-unit' text={unitId ? '保存' : '新增单位'} busy={busy} busyText='正在保存…' onTap={() => void save()} /> : null}
      {detail ? (
        <View>
          <PairingSection unitId={detail.unit.id} pairings={detail.pairings} canManage={detail.canManage} onChanged={reload} />
          <MembershipSections scopeType='unit' scopeId={detail.unit.id} name={detail.unit.name} people={detail.people} canManagePeople={detail.canManagePeople} showAudit onChanged={reload} />
        </View>
      ) : null}
    </View>
  );
}

/** A unit's screen: one call, admin.unit (its details, pairings, people and the streets to choose). */
function ExistingUnit({ unitId }: { readonly unitId: string }) {
  const { state, reload } = useOfficeQuery('admin.unit', { unitId }, { returnTo: pageUrl('/pages-office/unit/index', { id: unitId }) });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  return <UnitEditor loaded={state.data} newUnitStreets={[]} reload={() => void reload({ quiet: true })} />;
}

/** Adding a unit: one call, admin.overview (the streets of the caller's office). */
function NewUnit() {
  const { state, reload } = useOfficeQuery('admin.overview', {}, { returnTo: '/pages-office/unit/index' });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  return <UnitEditor loaded={null} newUnitStreets={state.data.streets} reload={() => void reload({ quiet: true })} />;
}

/** A unit: its details, its pairings (change of partner keeps history), its people and invitation. */
export default function UnitPage() {
  const unitId = usePageParams()['id'];
  return <PageFrame className='unit-page'>{unitId ? <ExistingUnit unitId={unitId} /> : <NewUnit />}</PageFrame>;
}
