import fs from 'node:fs';
import path from 'node:path';
import type { ScopeGrant } from '../../../src/domain/access/policy';
import { can, canApproveLeaderOf, canViewOrg, policy, scopeTable, subjectOf } from '../../../src/domain/access/policy';

const grant = (role: ScopeGrant['role'], scopeId: string, approved = true): ScopeGrant => ({ role, scopeId, approved });
const pairing = { unitId: 'u1', orgId: 'o1', streetId: 's-org', unitStreetId: 's-unit' };

describe('the access policy, rule by rule', () => {
  it('org leaders never read a unit’s drafts; the unit does', () => {
    const leader = subjectOf([grant('orgLeader', 'o1')]);
    const staff = subjectOf([grant('unitStaff', 'u1')]);
    expect(can(leader, policy.record.view, { ...pairing, state: 'draft' })).toBe(false);
    expect(can(leader, policy.record.view, { ...pairing, state: 'submitted' })).toBe(true);
    expect(can(staff, policy.record.view, { ...pairing, state: 'draft' })).toBe(true);
  });

  it('an unapproved leader reaches nothing of the org', () => {
    const pending = subjectOf([grant('orgLeader', 'o1', false)]);
    expect(can(pending, policy.record.confirm, pairing)).toBe(false);
    expect(can(pending, policy.pairing.view, pairing)).toBe(false);
  });

  it('a street office sees a pairing touching its street, and arranges it only when both sides are there', () => {
    const orgStreet = subjectOf([grant('streetOffice', 's-org')]);
    expect(can(orgStreet, policy.pairing.view, pairing)).toBe(true);
    expect(can(orgStreet, policy.pairing.manage, pairing)).toBe(false);
    expect(can(orgStreet, policy.pairing.manage, { ...pairing, unitStreetId: 's-org' })).toBe(true);
    expect(can(subjectOf([grant('streetOffice', 'elsewhere')]), policy.pairing.view, pairing)).toBe(false);
  });

  it('only a unit’s head manages its people, beside the offices', () => {
    const unit = { _id: 'u1', streetId: 's-unit' };
    expect(can(subjectOf([grant('unitStaff', 'u1')]), policy.unit.managePeople, unit)).toBe(false);
    expect(can(subjectOf([grant('unitHead', 'u1')]), policy.unit.managePeople, unit)).toBe(true);
    expect(can(subjectOf([grant('unitHead', 'u2')]), policy.unit.managePeople, unit)).toBe(false);
  });

  it('street bulletins: drafts for their street only; the district reads published ones', () => {
    const draft = { streetId: 's1', state: 'draft', unitIds: ['u1'] };
    expect(can(subjectOf([grant('streetOffice', 's1')]), policy.bulletin.edit, draft)).toBe(true);
    expect(can(subjectOf([grant('districtOffice', 'd')]), policy.bulletin.read, draft)).toBe(false);
    expect(can(subjectOf([grant('districtOffice', 'd')]), policy.bulletin.read, { ...draft, state: 'published' })).toBe(true);
    expect(can(subjectOf([grant('unitStaff', 'u1')]), policy.bulletin.read, draft)).toBe(false);
    expect(can(subjectOf([grant('unitStaff', 'u1')]), policy.bulletin.read, { ...draft, state: 'published' })).toBe(true);
  });

  it('survey results go to the unit and the offices, never the org’s leader, who distributes', () => {
    const leader = subjectOf([grant('orgLeader', 'o1')]);
    expect(can(leader, policy.survey.results, pairing)).toBe(false);
    expect(can(leader, policy.survey.distribute, pairing)).toBe(true);
    expect(can(subjectOf([grant('unitStaff', 'u1')]), policy.survey.results, pairing)).toBe(true);
  });

  it('the unit side sees its paired org and approves its leader; a stranger does neither', () => {
    const staff = subjectOf([grant('unitStaff', 'u1')]);
    const stranger = subjectOf([grant('unitStaff', 'u9')]);
    const org = { _id: 'o1', streetId: 's-org' };
    expect(canViewOrg(staff, org, [pairing])).toBe(true);
    expect(canViewOrg(stranger, org, [pairing])).toBe(false);
    expect(canApproveLeaderOf(staff, 'o1', [pairing])).toBe(true);
    expect(canApproveLeaderOf(stranger, 'o1', [pairing])).toBe(false);
  });

  it('the README’s 范围 table is the one generated from the rules', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain(scopeTable());
  });
});
