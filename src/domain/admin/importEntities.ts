import type { UnitLevel } from '../catalog/organisations';
import { coordinateProblem, toStoredWgs84 } from './coordinates';
import type { OrgRow, PlanContext, UnitRow } from './importTypes';
import { DEFAULT_GEOFENCE_METRES } from './importTypes';
import type { RowValues } from './parseTable';

/** A unit or org as a row of the table leaves it: the current one with the filled cells, or a new one. */
function withText<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value !== undefined ? ({ [key]: value } as Record<K, string>) : {};
}

export function buildUnit(before: UnitRow | undefined, values: RowValues, streetId: string | undefined, context: PlanContext, problem: (column: keyof RowValues, message: string) => void, notes: string[]): UnitRow | undefined {
  const changes = {
    ...withText('name', values.unitName),
    ...(values.unitLevel !== undefined ? { level: values.unitLevel } : {}),
    ...withText('streetId', streetId),
    ...withText('contactName', values.unitContact),
    ...withText('contactPhone', values.unitPhone),
    ...withText('code', values.unitCode),
  };
  if (before) {
    if (values.unitCode !== undefined && values.unitCode !== before.code) notes.push(`单位编码将由“${before.code}”改为“${values.unitCode}”`);
    if (values.unitName !== undefined && values.unitName !== before.name) notes.push(`单位将由“${before.name}”更名为“${values.unitName}”`);
    return { ...before, ...changes };
  }
  if (values.unitLevel === undefined) problem('unitLevel', '新单位须填写单位层级');
  if (values.unitStreet === undefined) problem('unitStreet', '新单位须填写所在街道');
  if (values.unitLevel === undefined || streetId === undefined || values.unitName === undefined) return undefined;
  return {
    _id: context.newId('unit'),
    code: values.unitCode ?? context.newCode('unit'),
    name: values.unitName,
    level: values.unitLevel as UnitLevel,
    streetId,
    ...withText('contactName', values.unitContact),
    ...withText('contactPhone', values.unitPhone),
    createdAt: context.now,
  };
}

export function buildOrg(before: OrgRow | undefined, values: RowValues, streetId: string | undefined, context: PlanContext, problem: (column: keyof RowValues, message: string) => void, notes: string[], unreadableCoordinates: boolean): OrgRow | undefined {
  let location: { latitude: number; longitude: number } | undefined;
  if ((values.latitude === undefined) !== (values.longitude === undefined)) {
    problem(values.latitude === undefined ? 'latitude' : 'longitude', '纬度和经度要一起填写');
  } else if (values.latitude !== undefined && values.longitude !== undefined) {
    const point = { latitude: values.latitude, longitude: values.longitude };
    const impossible = coordinateProblem(point);
    if (impossible) problem('latitude', impossible);
    else location = toStoredWgs84(point, values.coordinateSystem ?? 'wgs84');
    if (!impossible && values.coordinateSystem === 'gcj02') notes.push('坐标按 GCJ-02 换算为 WGS-84 保存');
  }
  const changes = {
    ...withText('name', values.orgName),
    ...withText('code', values.orgCode),
    ...(values.orgKind !== undefined ? { kind: values.orgKind } : {}),
    ...withText('streetId', streetId),
    ...withText('address', values.orgAddress),
    ...(location && !(before && before.location.latitude === location.latitude && before.location.longitude === location.longitude) ? { location } : {}),
    ...(values.partyMembers !== undefined ? { partyMembers: values.partyMembers } : {}),
    ...(values.partyOrgForm !== undefined ? { partyOrgForm: values.partyOrgForm } : {}),
    ...withText('contactName', values.orgContact),
    ...withText('contactPhone', values.orgPhone),
  };
  if (before) {
    if (values.orgName !== undefined && values.orgName !== before.name) notes.push(`组织将由“${before.name}”更名为“${values.orgName}”`);
    return { ...before, ...changes };
  }
  if (values.orgKind === undefined) problem('orgKind', '新组织须填写组织类型');
  if (values.orgStreet === undefined) problem('orgStreet', '新组织须填写所在街道');
  if (values.latitude === undefined && values.longitude === undefined && !unreadableCoordinates) problem('latitude', '新组织须填写纬度和经度（用于到访签到）');
  if (values.orgKind === undefined || streetId === undefined || values.orgName === undefined || !location) return undefined;
  return {
    _id: context.newId('org'),
    code: values.orgCode ?? context.newCode('org'),
    name: values.orgName,
    kind: values.orgKind,
    streetId,
    address: values.orgAddress ?? '',
    location,
    geofenceMetres: DEFAULT_GEOFENCE_METRES,
    partyMembers: values.partyMembers ?? 0,
    partyOrgForm: values.partyOrgForm ?? 'none',
    massOrganisations: [],
    ...withText('contactName', values.orgContact),
    ...withText('contactPhone', values.orgPhone),
    createdAt: context.now,
  };
}

