import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { UnitDetail } from '../../contract/admin';
import { unitLevels } from '../../domain/catalog/organisations';
import type { UnitLevel } from '../../domain/catalog/organisations';
import { callAction } from '../../client/callAction';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { useActionQuery } from '../../client/useActionQuery';
import { ActionButton } from '../../components/ActionButton';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import { PageFooter } from '../../components/PageFooter';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { ChoiceField } from '../shared/ChoiceField';
import { InvitationSection } from '../shared/InvitationSection';
import { OfficeOnly } from '../shared/OfficeOnly';
import { PairingSection } from '../shared/PairingSection';
import { PeopleSection } from '../shared/PeopleSection';
import { TextField } from '../shared/TextField';
import '../import/index.css';

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
  const streets = useActionQuery('admin.overview', {});
  const [detail, setDetail] = useState<UnitDetail | null>(null);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [form, setForm] = useState<UnitForm>(formOf(null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    if (!unitId) return;
    const result = await callAction('admin.unit', { unitId });
    if (!result.ok) return setLoadError(result.error.message);
    setDetail(result.data);
    setForm(formOf(result.data));
  }
  useEffect(() => {
    void load();
    // The unit to show is fixed by the page's address.
  }, [unitId]);

  async function save() {
    if (!form.level) return setErrors({ level: '请选择单位层级' });
    if (!form.streetId) return setErrors({ streetId: '请选择所在街道' });
    setBusy(true);
    setErrors({});
    setMessage(null);
    const result = await callAction('admin.saveUnit', {
      ...(unitId ? { unitId } : {}),
      name: form.name,
      ...(form.code.trim() ? { code: form.code.trim() } : {}),
      level: form.level,
      streetId: form.streetId,
      contactName: form.contactName,
      contactPhone: form.contactPhone,
    });
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) setErrors({ [result.error.field]: result.error.message });
      return setMessage({ tone: 'error', text: result.error.message });
    }
    if (!unitId) return void Taro.redirectTo({ url: pageUrl('/pages-office/unit/index', { id: result.data.unit.id }) });
    setDetail(result.data);
    setMessage({ tone: 'success', text: '已保存' });
  }

  if (unitId && !detail) return loadError ? <ErrorView message={loadError} onRetry={() => void load()} /> : <LoadingView />;
  const canManage = detail ? detail.canManage : true;
  const streetOptions = streets.state.status === 'ready' ? streets.state.data.streets.map((street) => ({ id: street.id, label: street.name })) : [];
  const set = (field: keyof UnitForm) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));
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
          <PairingSection unitId={detail.unit.id} pairings={detail.pairings} canManage={detail.canManage} onChanged={() => void load()} />
          <PeopleSection scopeType='unit' scopeId={detail.unit.id} canManage={detail.canManagePeople} />
          <InvitationSection scopeType='unit' scopeId={detail.unit.id} canRevoke={detail.canManagePeople} />
          <LinkRow id='unit-audit' text='查看审计记录' onTap={() => void Taro.navigateTo({ url: pageUrl('/pages-office/audit/index', { unitId: detail.unit.id, label: detail.unit.name }) })} />
        </View>
      ) : null}
    </View>
  );
}

/** A unit: its details, its pairings (change of partner keeps history), its people and invitation. */
export default function UnitPage() {
  const params = usePageParams();
  return (
    <View className='page unit-page'>
      <View className='page__body'>
        <OfficeOnly returnTo={pageUrl('/pages-office/unit/index', { id: params['id'] })}>{() => <UnitEditor unitId={params['id']} />}</OfficeOnly>
      </View>
      <PageFooter />
    </View>
  );
}
