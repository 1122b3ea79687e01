import { directoryInput, overviewInput } from '../../../src/contract/admin';
import type { DirectoryView } from '../../../src/contract/admin';
import { yearOf } from '../../../src/domain/time/periods';
import type { PairingDocument } from '../../db/documents';
import type { OrgRecord, UnitRecord } from '../../db/adminDocuments';
import { countOf, findAll } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import type { AdminScope } from '../../../src/domain/admin/adminScope';
import { managesStreet } from '../../../src/domain/admin/adminScope';
import { officeRoles, requireOffice } from './access';
import { allStreets, streetNamer } from './load';
import { pairingSummary } from './views';

/** Where a street office looks: its streets (the district office: everywhere). */
function streetCondition(db: CloudDatabase, scope: AdminScope, field: string): object {
  return scope.district ? {} : { [field]: db.command.in([...scope.streetIds]) };
}

function pairingCondition(db: CloudDatabase, scope: AdminScope, year: number): object {
  if (scope.district) return { year };
  const _ = db.command;
  return _.and([{ year }, _.or([{ streetId: _.in([...scope.streetIds]) }, { unitStreetId: _.in([...scope.streetIds]) }])]);
}

/** admin.overview — the office home: its streets and how many units, orgs and pairings it looks after. */
export const overview = defineAction({
  name: 'admin.overview',
  input: overviewInput,
  access: officeRoles,
  async run({ db, caller, now }) {
    const scope = requireOffice(caller, 'read the overview');
    const year = yearOf(now).year;
    const streets = (await allStreets(db)).filter((street) => managesStreet(scope, street._id));
    const [units, orgs, pairings] = await Promise.all([
      countOf(db.collection('units').where(streetCondition(db, scope, 'streetId'))),
      countOf(db.collection('orgs').where(streetCondition(db, scope, 'streetId'))),
      countOf(db.collection('pairings').where(pairingCondition(db, scope, year))),
    ]);
    return { year, district: scope.district, streets: streets.map((street) => ({ id: street._id, name: street.name })), counts: { units, orgs, pairings } };
  },
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** admin.directory — units, orgs or the year's pairings in the office's scope, searchable by name, a page at a time. */
export const directory = defineAction({
  name: 'admin.directory',
  input: directoryInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    const scope = requireOffice(caller, 'read the directory');
    if (input.streetId && !managesStreet(scope, input.streetId)) fail('FORBIDDEN', `street ${input.streetId} out of scope`, { userMessage: '超出您的管理范围' });
    const _ = db.command;
    const offset = Number(input.cursor ?? 0);
    const streetName = streetNamer(await allStreets(db));
    const conditions: object[] = [];
    const nameField = input.kind === 'pairings' ? null : 'name';
    if (input.kind === 'pairings') conditions.push(pairingCondition(db, scope, input.year ?? yearOf(now).year));
    else conditions.push(streetCondition(db, scope, 'streetId'));
    if (input.streetId) conditions.push(input.kind === 'pairings' ? _.or([{ streetId: input.streetId }, { unitStreetId: input.streetId }]) : { streetId: input.streetId });
    if (input.search) {
      const pattern = db.RegExp({ regexp: escapeRegExp(input.search), options: 'i' });
      conditions.push(nameField ? _.or([{ name: pattern }, { code: pattern }]) : _.or([{ unitName: pattern }, { orgName: pattern }]));
    }
    const where = conditions.length === 1 ? conditions[0]! : _.and(conditions);
    const collection = db.collection(input.kind);
    const [total, rows] = await Promise.all([
      countOf(collection.where(where)),
      findAll<Record<string, unknown>>(collection.where(where).orderBy(input.kind === 'pairings' ? 'unitName' : 'code', 'asc').orderBy('_id', 'asc').skip(offset).limit(input.limit)),
    ]);
    const page: DirectoryView = {
      units: input.kind === 'units' ? (rows as unknown as UnitRecord[]).map((unit) => ({ id: unit._id, code: unit.code, name: unit.name, level: unit.level, streetId: unit.streetId, streetName: streetName(unit.streetId) })) : [],
      orgs: input.kind === 'orgs' ? (rows as unknown as OrgRecord[]).map((org) => ({ id: org._id, code: org.code, name: org.name, kind: org.kind, streetId: org.streetId, streetName: streetName(org.streetId), address: org.address })) : [],
      pairings: input.kind === 'pairings' ? (rows as unknown as PairingDocument[]).map(pairingSummary) : [],
      total,
    };
    return offset + rows.length < total ? { ...page, nextCursor: String(offset + rows.length) } : page;
  },
});
