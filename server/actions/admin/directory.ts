import { directoryInput } from '../../../src/contract/admin';
import type { DirectoryView } from '../../../src/contract/admin';
import { managesStreet, policy } from '../../../src/domain/access/policy';
import { streetNamer } from '../../../src/domain/admin/streetNames';
import { yearOf } from '../../../src/domain/time/periods';
import { streetsRepository } from '../../repositories/adminStreets';
import { orgsRepository } from '../../repositories/orgs';
import { pairingsRepository } from '../../repositories/pairings';
import { unitsRepository } from '../../repositories/units';
import { accessWhere, subjectOfCaller } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { officeRoles, refuse, requireOffice } from './refusals';
import { toPairingSummary } from './toPairingSummary';

const noRows = { rows: [], total: 0 };

/**
 * admin.directory — units, orgs or the year's pairings in the office's scope, searchable by name, a
 * page at a time (`unit.manage`, `org.manage`, `pairing.office`; narrowed to one street on request).
 */
export const directory = defineAction({
  name: 'admin.directory',
  input: directoryInput,
  access: officeRoles,
  async run({ db, caller, now }, input) {
    requireOffice(caller, 'read the directory');
    if (input.streetId && !managesStreet(subjectOfCaller(caller), input.streetId)) refuse(caller, `read street ${input.streetId}`);
    const skip = Number(input.cursor ?? 0);
    const page = { skip, limit: input.limit, ...(input.search ? { search: input.search } : {}) };
    const streetName = streetNamer(await streetsRepository(db).all());
    const inStreet = input.streetId ? [{ streetId: input.streetId }] : [];
    let view: DirectoryView;
    if (input.kind === 'units') {
      const where = accessWhere(db, caller, policy.unit.manage, ...inStreet);
      const { rows, total } = where === null ? noRows : await unitsRepository(db).page(where, page);
      view = { units: rows.map((unit) => ({ id: unit._id, code: unit.code, name: unit.name, level: unit.level, streetId: unit.streetId, streetName: streetName(unit.streetId) })), orgs: [], pairings: [], total };
    } else if (input.kind === 'orgs') {
      const where = accessWhere(db, caller, policy.org.manage, ...inStreet);
      const { rows, total } = where === null ? noRows : await orgsRepository(db).page(where, page);
      view = { units: [], orgs: rows.map((org) => ({ id: org._id, code: org.code, name: org.name, kind: org.kind, streetId: org.streetId, streetName: streetName(org.streetId), address: org.address })), pairings: [], total };
    } else {
      const where = accessWhere(db, caller, policy.pairing.office, { year: input.year ?? yearOf(now).year });
      const { rows, total } = where === null ? noRows : await pairingsRepository(db).page(where, { ...page, ...(input.streetId ? { touching: input.streetId } : {}) });
      view = { units: [], orgs: [], pairings: rows.map(toPairingSummary), total };
    }
    const shown = view.units.length + view.orgs.length + view.pairings.length;
    return skip + shown < view.total ? { ...view, nextCursor: String(skip + shown) } : view;
  },
});
