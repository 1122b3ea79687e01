import type { SheetCell, SheetGrid } from '../../src/domain/admin/cells';
import { textCell } from '../../src/domain/admin/cells';
import type { ImportCurrent, ImportPlan, OrgRow, PairingRow, PlanContext, UnitRow } from '../../src/domain/admin/importTypes';
import { chinaInstant } from '../../src/domain/time/chinaTime';

export const now = chinaInstant(2026, 6, 10, 10);

/** A grid from plain values: strings become text cells (blank → empty), numbers number cells. */
export function grid(rows: ReadonlyArray<ReadonlyArray<string | number | SheetCell | null>>, merged: SheetGrid['merged'] = []): SheetGrid {
  return {
    rows: rows.map((row) => row.map((value): SheetCell => (value === null ? { kind: 'empty' } : typeof value === 'string' ? textCell(value) : typeof value === 'number' ? { kind: 'number', value } : value))),
    merged,
  };
}

export const header = ['年度', '单位名称', '单位编码', '单位层级', '单位所在街道', '单位联系人', '单位联系电话', '组织名称', '组织编码', '组织类型', '组织所在街道', '组织地址', '纬度', '经度', '坐标系', '党员人数', '党组织形式', '组织联系人', '组织联系电话', '结对开始日期'];

/** A complete row of the table, overridable by header. */
export function row(overrides: Record<string, string | number | SheetCell | null> = {}): Array<string | number | SheetCell | null> {
  const base: Record<string, string | number | null> = {
    年度: 2026,
    单位名称: '区新单位',
    单位编码: null,
    单位层级: '区直单位',
    单位所在街道: '龙城街道',
    单位联系人: '张三',
    单位联系电话: '0755-12345678',
    组织名称: '深圳市新组织有限公司',
    组织编码: null,
    组织类型: '非公企业',
    组织所在街道: '布吉街道',
    组织地址: '布吉路 1 号',
    纬度: 22.6036,
    经度: 114.1231,
    坐标系: 'WGS-84',
    党员人数: 6,
    党组织形式: '单独建立党组织',
    组织联系人: '李四',
    组织联系电话: '13800138000',
    结对开始日期: null,
  };
  return header.map((name) => (name in overrides ? overrides[name]! : base[name]!));
}

export function current(): ImportCurrent {
  const units: UnitRow[] = [
    { _id: 'unit-001', code: 'U001', name: '区发展和改革局', level: 'districtDirect', streetId: 'street-longcheng' },
    { _id: 'unit-002', code: 'U002', name: '布吉街道办', level: 'streetAgency', streetId: 'street-buji' },
    { _id: 'unit-003', code: 'U003', name: '区教育局', level: 'districtDirect', streetId: 'street-longcheng' },
  ];
  const org = (id: string, name: string, streetId: string): OrgRow => ({
    _id: id,
    code: id.replace('org-', 'O'),
    name,
    kind: 'enterprise',
    streetId,
    address: '地址',
    location: { latitude: 22.7, longitude: 114.2 },
    geofenceMetres: 300,
    partyMembers: 3,
    partyOrgForm: 'joint',
    massOrganisations: ['union'],
  });
  const orgs = [org('org-001', '深圳华星光电科技有限公司', 'street-longcheng'), org('org-002', '布吉物流有限公司', 'street-buji'), org('org-003', '空闲组织有限公司', 'street-longcheng')];
  const pairing = (id: string, unit: UnitRow, o: OrgRow, year: number): PairingRow => ({
    _id: id,
    unitId: unit._id,
    orgId: o._id,
    unitName: unit.name,
    orgName: o.name,
    year,
    streetId: o.streetId,
    unitStreetId: unit.streetId,
    arrangedBy: 'district',
    startDate: `${year}-01-01`,
    endDate: null,
  });
  return {
    streets: [
      { _id: 'street-longcheng', code: 'longcheng', name: '龙城街道' },
      { _id: 'street-buji', code: 'buji', name: '布吉街道' },
    ],
    units,
    orgs,
    pairings: [pairing('pairing-2026-001', units[0]!, orgs[0]!, 2026), pairing('pairing-2026-002', units[1]!, orgs[1]!, 2026), pairing('pairing-2025-001', units[0]!, orgs[0]!, 2025)],
  };
}

let serial = 0;
export function context(overrides: Partial<PlanContext> = {}): PlanContext {
  return {
    importId: 'import-test',
    fileName: '结对表.xlsx',
    now,
    actor: { id: 'person-zhoutao', name: '周涛' },
    newId: (kind) => `${kind}-new-${++serial}`,
    newCode: (kind) => `${kind === 'unit' ? 'U' : 'O'}N${++serial}`,
    ...overrides,
  };
}

/** The data after a commit of the plan (what the server does, without a database). */
export function applied(data: ImportCurrent, plan: ImportPlan): ImportCurrent {
  const apply = <T extends { _id: string }>(rows: readonly T[], collection: string): T[] => {
    const byId = new Map(rows.map((item) => [item._id, item]));
    for (const op of plan.ops.filter((candidate) => candidate.collection === collection)) byId.set(op.id, op.after as unknown as T);
    return [...byId.values()];
  };
  return { streets: data.streets, units: apply(data.units, 'units'), orgs: apply(data.orgs, 'orgs'), pairings: apply(data.pairings, 'pairings') };
}
