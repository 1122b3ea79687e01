import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OrgDetail, StreetView } from '../../contract/admin';
import { orgKinds, partyOrgForms } from '../../domain/catalog/organisations';
import type { OrgKind, PartyOrgForm } from '../../domain/catalog/organisations';
import { callAction } from '../../client/callAction';
import { pageUrl, usePageParams } from '../../client/pageParams';
import { useSignInRedirect } from '../../client/signIn';
import { useActionQuery } from '../../client/useActionQuery';
import { ActionButton } from '../../components/ActionButton';
import { CalmState } from '../../components/CalmState';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { ErrorView, LoadingView } from '../../components/StatusView';
import { ChoiceField } from '../shared/ChoiceField';
import { MembershipSections } from '../shared/MembershipSections';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { TextField } from '../shared/TextField';
import { useDetailForm } from '../shared/useDetailForm';
import { useOfficeQuery } from '../shared/useOfficeQuery';
import type { LocationValue } from './LocationFields';
import { LocationFields, locationInput } from './LocationFields';

const kindOptions = (Object.keys(orgKinds) as OrgKind[]).map((id) => ({ id, label: orgKinds[id] }));
const formOptions = (Object.keys(partyOrgForms) as PartyOrgForm[]).map((id) => ({ id, label: partyOrgForms[id] }));

interface OrgForm {
  name: string;
  code: string;
  kind: OrgKind | '';
  streetId: string;
  address: string;
  location: LocationValue;
  partyMembers: string;
  partyOrgForm: PartyOrgForm | '';
  contactName: string;
  contactPhone: string;
}

function formOf(detail: OrgDetail | null): OrgForm {
  const org = detail?.org;
  return {
    name: org?.name ?? '',
    code: org?.code ?? '',
    kind: org?.kind ?? '',
    streetId: org?.streetId ?? '',
    address: org?.address ?? '',
    location: { latitude: org ? String(org.location.latitude) : '', longitude: org ? String(org.location.longitude) : '', picked: null },
    partyMembers: String(org?.partyMembers ?? 0),
    partyOrgForm: org?.partyOrgForm ?? 'none',
    contactName: org?.contactName ?? '',
    contactPhone: org?.contactPhone ?? '',
  };
}

interface OrgEditorProps {
  /** The org shown; null when adding a new one. */
  readonly loaded: OrgDetail | null;
  /** The streets a new org may be placed in (an org's own answer lists its own). */
  readonly newOrgStreets: readonly StreetView[];
  readonly reload: () => void;
}

function OrgEditor({ loaded, newOrgStreets, reload }: OrgEditorProps) {
  const editor = useDetailForm({ loaded, formOf });
  const { detail, form, setForm, set, errors, setErrors, message, busy } = editor;
  const orgId = loaded?.org.id;

  async function save() {
    const location = locationInput(form.location);
    const partyMembers = Number(form.partyMembers);
    const missing: Record<string, string> = {};
    if (!form.kind) missing['kind'] = '请选择组织类型';
    if (!form.streetId) missing['streetId'] = '请选择所在街道';
    if (!location) missing['location'] = '请填写纬度和经度（数字），或在地图上选点';
    if (!Number.isInteger(partyMembers) || partyMembers < 0) missing['partyMembers'] = '党员人数须为整数';
    if (Object.keys(missing).length > 0 || !form.kind || !location) return setErrors(missing);
    const kind = form.kind;
    await editor.save(
      () =>
        callAction('admin.saveOrg', {
          ...(orgId ? { orgId } : {}),
          name: form.name,
          ...(form.code.trim() ? { code: form.code.trim() } : {}),
          kind,
          streetId: form.streetId,
          address: form.address,
          location,
          partyMembers,
          partyOrgForm: form.partyOrgForm || 'none',
          geofenceMetres: detail?.org.geofenceMetres ?? 300,
          massOrganisations: (detail?.org.massOrganisations ?? []) as Array<'union' | 'youthLeague' | 'womens'>,
          contactName: form.contactName,
          contactPhone: form.contactPhone,
        }),
      !orgId,
      (saved) => void Taro.redirectTo({ url: pageUrl('/pages-office/org/index', { id: saved.org.id }) }),
    );
  }

  const canManage = detail ? detail.canManage : true;
  const canEdit = detail ? detail.canEditDetails : true;
  const streets = (detail ? detail.streets : newOrgStreets).map((street) => ({ id: street.id, label: street.name }));
  return (
    <View>
      <Text className='page-title'>{detail ? detail.org.name : '新增“两新”组织'}</Text>
      {message ? <Notice id='org-message' tone={message.tone} text={message.text} /> : null}
      {detail && !canManage && canEdit ? <Notice tone='info' text='您可以更正地址、位置、党员人数和联系方式；名称、类型和街道由党群共建办修改。' /> : null}
      <TextField id='org-name' label='组织名称' value={form.name} onChange={set('name')} error={errors['name']} disabled={!canManage} maxlength={60} />
      <TextField id='org-code' label='组织编码' value={form.code} onChange={set('code')} error={errors['code']} optional hint='不填则自动生成' disabled={!canManage} maxlength={32} />
      <ChoiceField id='org-kind' label='组织类型' options={kindOptions} value={form.kind} onChange={set('kind')} error={errors['kind']} disabled={!canManage} />
      <ChoiceField id='org-street' label='所在街道' options={streets} value={form.streetId} onChange={set('streetId')} error={errors['streetId']} disabled={!canManage} />
      <TextField id='org-address' label='地址' value={form.address} onChange={set('address')} error={errors['address']} optional disabled={!canEdit} />
      <LocationFields value={form.location} onChange={(location) => setForm((previous) => ({ ...previous, location }))} error={errors['location']} disabled={!canEdit} />
      <TextField id='org-members' label='党员人数' type='number' value={form.partyMembers} onChange={set('partyMembers')} error={errors['partyMembers']} disabled={!canEdit} />
      <ChoiceField id='org-party-form' label='党组织形式' options={formOptions} value={form.partyOrgForm} onChange={set('partyOrgForm')} disabled={!canEdit} />
      <TextField id='org-contact' label='联系人' value={form.contactName} onChange={set('contactName')} optional disabled={!canEdit} maxlength={20} />
      <TextField id='org-phone' label='联系电话' value={form.contactPhone} onChange={set('contactPhone')} error={errors['contactPhone']} optional disabled={!canEdit} maxlength={20} />
      {canEdit ? <ActionButton id='save-org' text={orgId ? '保存' : '新增组织'} busy={busy} busyText='正在保存…' onTap={() => void save()} /> : null}
      {detail ? (
        <View>
          <Section id='org-pairings' title='结对单位'>
            {detail.pairings.length === 0 ? <Text className='muted'>还没有结对</Text> : null}
            {detail.pairings.map((pairing) => (
              <View key={pairing.id} className='card'>
                <Text className='card__title'>
                  {pairing.year} 年度：{pairing.unitName}
                </Text>
                <Text className='card__text'>{pairing.endDate ? `${pairing.startDate} 至 ${pairing.endDate}（已结束）` : `自 ${pairing.startDate} 起`}</Text>
              </View>
            ))}
          </Section>
          <MembershipSections scopeType='org' scopeId={detail.org.id} name={detail.org.name} people={detail.people} canManagePeople={detail.canManagePeople} showAudit={detail.canManage} onChanged={reload} />
        </View>
      ) : null}
    </View>
  );
}

/** An org's screen, for its offices, its leader and its paired unit: one call, admin.org. */
function ExistingOrg({ orgId }: { readonly orgId: string }) {
  const { state, reload } = useActionQuery('admin.org', { orgId });
  const error = state.status === 'error' ? state.error : undefined;
  const redirecting = useSignInRedirect(error?.code === 'UNAUTHENTICATED' ? error : undefined, pageUrl('/pages-office/org/index', { id: orgId }));
  if (redirecting || state.status === 'loading') return <LoadingView />;
  if (state.status === 'error') return state.error.code === 'FORBIDDEN' ? <CalmState id='org-forbidden' title='超出您的范围' text={state.error.message} /> : <ErrorView error={state.error} onRetry={() => void reload()} />;
  return <OrgEditor loaded={state.data} newOrgStreets={[]} reload={() => void reload({ quiet: true })} />;
}

/** Adding an org (offices only): one call, admin.overview (the streets of the caller's office). */
function NewOrg() {
  const { state, reload } = useOfficeQuery('admin.overview', {}, { returnTo: '/pages-office/org/index' });
  if (state.status !== 'ready') return <OfficeWaitingView state={state} onRetry={() => void reload()} />;
  return <OrgEditor loaded={null} newOrgStreets={state.data.streets} reload={() => void reload({ quiet: true })} />;
}

/**
 * A “两新” org: offices manage it; its approved party leader corrects address, location and contacts.
 * (The cloud function decides who may do what; the page follows what it answers.)
 */
export default function OrgPage() {
  const orgId = usePageParams()['id'];
  return <PageFrame className='org-page'>{orgId ? <ExistingOrg orgId={orgId} /> : <NewOrg />}</PageFrame>;
}
