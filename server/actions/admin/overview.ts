import { overviewInput } from '../../../src/contract/admin';
import { managesStreet, policy } from '../../../src/domain/access/policy';
import { yearOf } from '../../../src/domain/time/periods';
import { streetsRepository } from '../../repositories/adminStreets';
import { orgsRepository } from '../../repositories/orgs';
import { pairingsRepository } from '../../repositories/pairings';
import { feedbackRepository } from '../../repositories/feedback';
import { plansRepository } from '../../repositories/plans';
import { unitsRepository } from '../../repositories/units';
import { adminRecordChecksRepository } from '../../repositories/adminRecordChecks';
import { leaderRequestViews } from '../../services/people/leaderRequestViews';
import { accessWhere, subjectOfCaller } from '../../runtime/access';
import { defineAction } from '../../runtime/defineAction';
import { recordChecksWhere } from '../../services/records/recordChecks';
import { officeRoles, requireOffice } from './refusals';

/** How many documents a policy list holds (none when the policy allows none). */
const countWhere = (where: object | null, count: (where: object) => Promise<number>) => (where === null ? Promise.resolve(0) : count(where));

/**
 * admin.overview — the office home: its streets and how many units, orgs and pairings it looks after
 * (`unit.manage`, `org.manage`, and the year's pairings it is the office of: `pairing.office`), and
 * what waits for it: leaders to approve (as home lists them, with who they are: the workbench shows them), plans submitted for review
 * (`plan.review`), complaints and suggestions not yet answered (`office.feedback`), and flagged
 * records to check (the same condition as admin.recordChecks).
 */
export const overview = defineAction({
  name: 'admin.overview',
  input: overviewInput,
  access: officeRoles,
  async run({ db, caller, now }) {
    requireOffice(caller, 'read the overview');
    const subject = subjectOfCaller(caller);
    const year = yearOf(now).year;
    const [allStreets, units, orgs, pairings, leaderRequests, plans, feedback, records] = await Promise.all([
      streetsRepository(db).all(),
      countWhere(accessWhere(db, caller, policy.unit.manage), unitsRepository(db).count),
      countWhere(accessWhere(db, caller, policy.org.manage), orgsRepository(db).count),
      countWhere(accessWhere(db, caller, policy.pairing.office, { year }), pairingsRepository(db).count),
      leaderRequestViews(db, caller, now),
      countWhere(accessWhere(db, caller, policy.plan.review, { year, state: 'submitted' }), plansRepository(db).count),
      countWhere(accessWhere(db, caller, policy.office.feedback, { state: 'pending' }), feedbackRepository(db).count),
      countWhere(recordChecksWhere(db, caller, year), adminRecordChecksRepository(db).count),
    ]);
    const streets = allStreets.filter((street) => managesStreet(subject, street._id));
    return {
      year,
      district: subject.district,
      streets: streets.map((street) => ({ id: street._id, name: street.name })),
      counts: { units, orgs, pairings },
      waiting: { leaders: leaderRequests.length, plans, feedback, records },
      leaderRequests,
    };
  },
});
