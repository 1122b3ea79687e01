import { chinaInstant } from '../../src/domain/time/chinaTime';
import { daysLeft, defaultDeadline, duePlanReminders, isLate, planTiming, planTransition, reminderStage } from '../../src/domain/admin/workPlans';
import { feedbackMove, feedbackTransition } from '../../src/domain/admin/feedback';
import type { Subject } from '../../src/domain/access/policy';
import { can, canViewOrg, policy, subjectOf } from '../../src/domain/access/policy';

describe('work plan deadlines', () => {
  it('defaults to 15 November and counts the whole day, China time', () => {
    expect(defaultDeadline(2026)).toBe('2026-11-15');
    expect(isLate(chinaInstant(2026, 11, 15, 23, 59, 59), '2026-11-15')).toBe(false);
    expect(isLate(chinaInstant(2026, 11, 16, 0, 0, 0), '2026-11-15')).toBe(true);
  });

  it('judges timing on the first submission: open, due soon, overdue, on time, late', () => {
    expect(planTiming('2026-11-15', null, chinaInstant(2026, 11, 1))).toBe('open');
    expect(planTiming('2026-11-15', null, chinaInstant(2026, 11, 10))).toBe('dueSoon');
    expect(planTiming('2026-11-15', null, chinaInstant(2026, 11, 16))).toBe('overdue');
    expect(planTiming('2026-11-15', chinaInstant(2026, 11, 15, 22), chinaInstant(2026, 12, 1))).toBe('onTime');
    expect(planTiming('2026-11-15', chinaInstant(2026, 11, 17), chinaInstant(2026, 12, 1))).toBe('late');
  });

  it('reminds a week before and the day before, never after', () => {
    expect(daysLeft('2026-11-15', chinaInstant(2026, 11, 14, 23))).toBe(1);
    expect(reminderStage('2026-11-15', chinaInstant(2026, 11, 7, 9))).toBeNull();
    expect(reminderStage('2026-11-15', chinaInstant(2026, 11, 8, 9))).toBe('week');
    expect(reminderStage('2026-11-15', chinaInstant(2026, 11, 14, 9))).toBe('day');
    expect(reminderStage('2026-11-15', chinaInstant(2026, 11, 15, 9))).toBe('day');
    expect(reminderStage('2026-11-15', chinaInstant(2026, 11, 16, 9))).toBeNull();
  });

  it('skips subjects already submitted and gives each reminder a stable key', () => {
    const targets = [
      { subjectType: 'unit' as const, subjectId: 'u1', subjectName: '甲', people: [{ id: 'p1', openid: 'o1' }] },
      { subjectType: 'unit' as const, subjectId: 'u2', subjectName: '乙', people: [{ id: 'p2', openid: 'o2' }] },
    ];
    const due = duePlanReminders(2026, '2026-11-15', targets, new Set(['unit:u2']), chinaInstant(2026, 11, 9, 9));
    expect(due).toEqual([{ key: 'plan:2026:unit:u1:2026-11-15:week:p1', personId: 'p1', openid: 'o1', subjectType: 'unit', subjectName: '甲', deadline: '2026-11-15', stage: 'week' }]);
  });

  it('moves a plan through draft, submitted, returned, accepted', () => {
    expect(planTransition(null, 'submit')).toEqual({ ok: true, next: 'submitted' });
    expect(planTransition('submitted', 'save')).toMatchObject({ ok: false });
    expect(planTransition('submitted', 'return')).toEqual({ ok: true, next: 'returned' });
    expect(planTransition('returned', 'save')).toEqual({ ok: true, next: 'returned' });
    expect(planTransition('returned', 'accept')).toMatchObject({ ok: false, reason: expect.stringMatching(/退回/) });
    expect(planTransition('submitted', 'accept')).toEqual({ ok: true, next: 'accepted' });
    expect(planTransition('accepted', 'submit')).toMatchObject({ ok: false });
  });
});

describe('complaints and suggestions', () => {
  it('are answered, followed up, closed; nothing after closing', () => {
    expect(feedbackTransition('pending', 'answer')).toEqual({ ok: true, next: 'answered' });
    expect(feedbackTransition('pending', 'followUp')).toMatchObject({ ok: false });
    expect(feedbackTransition('answered', 'followUp')).toEqual({ ok: true, next: 'pending' });
    expect(feedbackTransition('answered', 'close')).toEqual({ ok: true, next: 'closed' });
    expect(feedbackTransition('closed', 'answer')).toMatchObject({ ok: false, reason: '该事项已办结' });
  });

  it('move as one conditional write: from the states the transition allows, to its one next state', () => {
    expect(feedbackMove('followUp')).toEqual({ from: ['answered'], to: 'pending' });
    expect(feedbackMove('close')).toEqual({ from: ['pending', 'answered'], to: 'closed' });
    expect(feedbackMove('answer')).toEqual({ from: ['pending', 'answered'], to: 'answered' });
  });
});

describe('administration scopes', () => {
  const grant = (role: 'unitStaff' | 'unitHead' | 'orgLeader' | 'streetOffice' | 'districtOffice', scopeId: string, approved = true) => ({ role, scopeId, approved });
  const unit = { _id: 'u1', streetId: 's1' };
  const org = { _id: 'o1', streetId: 's2' };
  const pairing = { unitId: 'u1', orgId: 'o1', unitStreetId: 's1', streetId: 's2' };
  const canViewUnit = (subject: Subject, place: typeof unit) => can(subject, policy.unit.view, place);
  const canEditOrgDetails = (subject: Subject, place: typeof org) => can(subject, policy.org.editDetails, place);
  const canManagePairing = (subject: Subject, place: typeof pairing) => can(subject, policy.pairing.manage, place);
  const canManageUnitPeople = (subject: Subject, place: typeof unit) => can(subject, policy.unit.managePeople, place);
  const canReadAuditEntry = (subject: Subject, entry: { streetIds: string[] }) => can(subject, policy.office.audit, entry);

  it('gives the district everything and a street only what lies in its street', () => {
    const districtScope = subjectOf([grant('districtOffice', 'district')]);
    const street1 = subjectOf([grant('streetOffice', 's1')]);
    expect(canViewUnit(districtScope, unit) && canManagePairing(districtScope, pairing)).toBe(true);
    expect(canViewUnit(street1, unit)).toBe(true);
    expect(canEditOrgDetails(street1, org)).toBe(false);
    expect(canManagePairing(street1, pairing)).toBe(false);
    expect(canManagePairing(subjectOf([grant('streetOffice', 's1'), grant('streetOffice', 's2')]), pairing)).toBe(true);
    expect(canReadAuditEntry(street1, { streetIds: ['s2', 's1'] })).toBe(true);
    expect(canReadAuditEntry(street1, { streetIds: ['s2'] })).toBe(false);
  });

  it('lets unit people see their unit and partner, a head manage the unit’s people, a leader only their org', () => {
    const staff = subjectOf([grant('unitStaff', 'u1')]);
    const head = subjectOf([grant('unitHead', 'u1')]);
    const leader = subjectOf([grant('orgLeader', 'o1')]);
    const pending = subjectOf([grant('orgLeader', 'o1', false)]);
    expect(canViewUnit(staff, unit)).toBe(true);
    expect(canViewOrg(staff, org, [pairing])).toBe(true);
    expect(canEditOrgDetails(staff, org)).toBe(false);
    expect(canManageUnitPeople(staff, unit)).toBe(false);
    expect(canManageUnitPeople(head, unit)).toBe(true);
    expect(canEditOrgDetails(leader, org)).toBe(true);
    expect(canViewUnit(leader, unit)).toBe(false);
    expect(canEditOrgDetails(pending, org)).toBe(false);
  });
});
