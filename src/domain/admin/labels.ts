import { massOrganisations, orgKinds, partyOrgForms, unitLevels } from '../catalog/organisations';
import { shown } from './audit';

/** Chinese labels of the fields an office changes, as the audit trail and the import report show them. */
export const unitFieldLabels = {
  name: '单位名称',
  code: '单位编码',
  level: '单位层级',
  street: '单位所在街道',
  contactName: '单位联系人',
  contactPhone: '单位联系电话',
} as const;

export const orgFieldLabels = {
  name: '组织名称',
  code: '组织编码',
  kind: '组织类型',
  street: '组织所在街道',
  address: '组织地址',
  location: '组织坐标（WGS-84）',
  geofenceMetres: '签到范围（米）',
  partyMembers: '党员人数',
  partyOrgForm: '党组织形式',
  massOrganisations: '群团组织',
  contactName: '组织联系人',
  contactPhone: '组织联系电话',
} as const;

export const pairingFieldLabels = {
  orgName: '结对组织',
  unitName: '结对单位',
  startDate: '结对开始日期',
  endDate: '结对结束日期',
} as const;

type StreetNames = (streetId: string) => string;

/** A unit document as people read it (labels instead of ids). */
export function unitDisplay(document: object | null, streetName: StreetNames): Record<string, unknown> | null {
  if (!document) return null;
  const unit = document as Readonly<Record<string, unknown>>;
  return {
    name: unit['name'],
    code: unit['code'],
    level: unitLevels[unit['level'] as keyof typeof unitLevels] ?? unit['level'],
    street: typeof unit['streetId'] === 'string' ? streetName(unit['streetId']) : '',
    contactName: unit['contactName'],
    contactPhone: unit['contactPhone'],
  };
}

export function orgDisplay(document: object | null, streetName: StreetNames): Record<string, unknown> | null {
  if (!document) return null;
  const org = document as Readonly<Record<string, unknown>>;
  return {
    name: org['name'],
    code: org['code'],
    kind: orgKinds[org['kind'] as keyof typeof orgKinds] ?? org['kind'],
    street: typeof org['streetId'] === 'string' ? streetName(org['streetId']) : '',
    address: org['address'],
    location: shown(org['location']),
    geofenceMetres: org['geofenceMetres'],
    partyMembers: org['partyMembers'],
    partyOrgForm: partyOrgForms[org['partyOrgForm'] as keyof typeof partyOrgForms] ?? org['partyOrgForm'],
    massOrganisations: Array.isArray(org['massOrganisations']) ? (org['massOrganisations'] as string[]).map((id) => massOrganisations[id as keyof typeof massOrganisations] ?? id) : [],
    contactName: org['contactName'],
    contactPhone: org['contactPhone'],
  };
}
