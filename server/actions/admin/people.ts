import { grantOfficeInput, peopleInput, removeGrantInput, setUnitRoleInput } from '../../../src/contract/admin';
import type { Role } from '../../../src/contract/people';
import { roleLabels, roleScope } from '../../../src/contract/people';
import type { AdminScope } from '../../../src/domain/admin/adminScope';
import { canManagePeopleOf, canSeePeopleOf, managesStreet } from '../../../src/domain/admin/adminScope';
import type { PersonDocument, StreetDocument } from '../../db/documents';
import { findAll, getById } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller, Grant } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { refuse, scopeOf } from './access';
import { auditEntry } from './auditLog';
import { orgOrFail, unitOrFail } from './load';
import { inTransaction, TxRefusal } from './transaction';
import { personAdminView } from './views';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The streets a grant lies in, for the audit trail (an office reads entries of its streets). */
async function streetsOfGrant(db: CloudDatabase, grant: Pick<Grant, 'role' | 'scopeId'>): Promise<string[]> {
  const scopeType = roleScope[grant.role];
  if (scopeType === 'street') return [grant.scopeId];
  if (scopeType === 'unit') return [(await unitOrFail(db, grant.scopeId)).streetId];
  if (scopeType === 'org') return [(await orgOrFail(db, grant.scopeId)).streetId];
  return [];
}

/** May the caller change this grant: the unit's or org's managers, the district office for office roles. */
async function canChangeGrant(db: CloudDatabase, scope: AdminScope, role: Role, scopeId: string): Promise<boolean> {
  switch (roleScope[role]) {
    case 'unit': {
      const unit = await unitOrFail(db, scopeId);
      return canManagePeopleOf(scope, 'unit', { id: unit._id, streetId: unit.streetId });
    }
    case 'org': {
      const org = await orgOrFail(db, scopeId);
      return canManagePeopleOf(scope, 'org', { id: org._id, streetId: org.streetId });
    }
    default:
      return scope.district;
  }
}

/** admin.people — the people of a unit, an org, a street office or the district office (or, for the district office, anyone by name). */
export const people = defineAction({
  name: 'admin.people',
  input: peopleInput,
  access: 'person',
  async run({ db, caller }, input) {
    const scope = scopeOf(caller);
    const _ = db.command;
    if (input.scopeType === 'any') {
      if (!scope.district) refuse(caller, 'search people', '只有区委党群共建办可以查找全部人员');
      const where = input.search ? { name: db.RegExp({ regexp: escapeRegExp(input.search), options: 'i' }) } : {};
      const found = await findAll<PersonDocument>(db.collection('people').where(where).orderBy('name', 'asc').limit(50));
      return { people: found.map((person) => personAdminView(person)) };
    }
    if (input.scopeType === 'district' ? !scope.district : !input.scopeId) fail('INVALID_INPUT', 'scopeId missing', { field: 'scopeId', userMessage: '请指定单位、组织或街道' });
    const scopeId = input.scopeType === 'district' ? 'district' : input.scopeId!;
    if (input.scopeType === 'unit') {
      const unit = await unitOrFail(db, scopeId);
      if (!canSeePeopleOf(scope, 'unit', { id: unit._id, streetId: unit.streetId })) refuse(caller, `list people of unit ${unit._id}`);
    } else if (input.scopeType === 'org') {
      const org = await orgOrFail(db, scopeId);
      if (!canSeePeopleOf(scope, 'org', { id: org._id, streetId: org.streetId })) refuse(caller, `list people of org ${org._id}`);
    } else if (input.scopeType === 'street' && !managesStreet(scope, scopeId)) {
      refuse(caller, `list the office of ${scopeId}`);
    }
    const inScope = (grant: Grant) => grant.scopeId === scopeId && roleScope[grant.role] === input.scopeType;
    const found = await findAll<PersonDocument>(db.collection('people').where({ grants: _.elemMatch({ scopeId }) }).orderBy('name', 'asc').limit(200));
    return { people: found.filter((person) => person.grants.some(inScope)).map((person) => personAdminView(person, inScope)) };
  },
});

/** Changes one person's grants in a transaction, with the audit entry; the person answers as they are after. */
async function changeGrants(
  db: CloudDatabase,
  caller: Caller,
  now: Date,
  personId: string,
  change: (grants: readonly Grant[]) => Grant[] | string,
  audit: { action: string; grant: Pick<Grant, 'role' | 'scopeId' | 'scopeName'>; before: string; after: string },
): Promise<PersonDocument> {
  const person = await getById<PersonDocument>(db.collection('people'), personId);
  if (!person) fail('NOT_FOUND', `person ${personId}`, { field: 'personId', userMessage: '人员不存在' });
  const streetIds = await streetsOfGrant(db, audit.grant);
  const scopeType = roleScope[audit.grant.role];
  let after: PersonDocument | undefined;
  try {
    await inTransaction(db, async (tx) => {
      const stored = (await tx.collection('people').doc(personId).get()).data as PersonDocument;
      const grants = change(stored.grants);
      if (typeof grants === 'string') throw new TxRefusal(grants);
      await tx.collection('people').doc(personId).update({ data: { grants: db.command.set(grants), updatedAt: now } });
      await tx.collection('auditTrail').add({
        data: auditEntry(caller, now, {
          action: audit.action,
          subjectType: 'person',
          subjectId: personId,
          subjectName: stored.name,
          unitId: scopeType === 'unit' ? audit.grant.scopeId : null,
          orgId: scopeType === 'org' ? audit.grant.scopeId : null,
          personId,
          streetIds,
          changes: [{ field: `${audit.grant.scopeName}的角色`, before: audit.before, after: audit.after }],
          note: '',
        }),
      });
      after = { ...stored, grants };
    });
  } catch (error) {
    if (error instanceof TxRefusal) fail('NOT_FOUND', `grant change refused: ${error.reason}`, { userMessage: error.reason });
    throw error;
  }
  return after!;
}

/** admin.removeGrant — take a person out of a unit or org (or an office); they keep their other roles. */
export const removeGrant = defineAction({
  name: 'admin.removeGrant',
  input: removeGrantInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const scope = scopeOf(caller);
    if (!(await canChangeGrant(db, scope, input.role, input.scopeId))) refuse(caller, `remove ${input.role} of ${input.scopeId}`);
    if (input.personId === caller.personId && input.role === 'districtOffice') fail('CONFLICT', 'would remove own district grant', { userMessage: '不能移除自己的区委党群共建办身份，请由其他同事操作' });
    const person = await getById<PersonDocument>(db.collection('people'), input.personId);
    const held = person?.grants.find((grant) => grant.role === input.role && grant.scopeId === input.scopeId);
    if (!person || !held) fail('NOT_FOUND', `person ${input.personId} holds no ${input.role} of ${input.scopeId}`, { userMessage: '此人没有该身份' });
    const after = await changeGrants(db, caller, now, person._id, (grants) => {
      const kept = grants.filter((grant) => !(grant.role === input.role && grant.scopeId === input.scopeId));
      return kept.length === grants.length ? '此人没有该身份' : kept;
    }, { action: 'person.removeGrant', grant: held, before: roleLabels[input.role], after: '已移出' });
    return { person: personAdminView(after) };
  },
});

/** admin.setUnitRole — make a unit's member its head (单位主要负责人) or staff. */
export const setUnitRole = defineAction({
  name: 'admin.setUnitRole',
  input: setUnitRoleInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const scope = scopeOf(caller);
    const unit = await unitOrFail(db, input.unitId);
    if (!canManagePeopleOf(scope, 'unit', { id: unit._id, streetId: unit.streetId })) refuse(caller, `set roles in unit ${unit._id}`);
    const person = await getById<PersonDocument>(db.collection('people'), input.personId);
    const held = person?.grants.find((grant) => (grant.role === 'unitStaff' || grant.role === 'unitHead') && grant.scopeId === unit._id);
    if (!person || !held) fail('NOT_FOUND', `person ${input.personId} not in unit ${unit._id}`, { userMessage: '此人不在该单位' });
    if (held.role === input.role) return { person: personAdminView(person, (grant) => grant.scopeId === unit._id) };
    const after = await changeGrants(db, caller, now, person._id, (grants) => {
      const index = grants.findIndex((grant) => (grant.role === 'unitStaff' || grant.role === 'unitHead') && grant.scopeId === unit._id);
      if (index < 0) return '此人不在该单位';
      return grants.map((grant, position) => (position === index ? { ...grant, role: input.role } : grant));
    }, { action: 'person.setRole', grant: held, before: roleLabels[held.role], after: roleLabels[input.role] });
    return { person: personAdminView(after, (grant) => grant.scopeId === unit._id) };
  },
});

/** admin.grantOffice — the district office makes a joined person a street or district office member. */
export const grantOffice = defineAction({
  name: 'admin.grantOffice',
  input: grantOfficeInput,
  access: ['districtOffice'],
  async run({ db, caller, now }, input) {
    let scopeName = '区委党群共建办';
    if (input.role === 'streetOffice') {
      const street = await getById<StreetDocument>(db.collection('streets'), input.scopeId);
      if (!street) fail('INVALID_INPUT', `street ${input.scopeId}`, { field: 'scopeId', userMessage: '街道不存在' });
      scopeName = street.name;
    } else if (input.scopeId !== 'district') {
      fail('INVALID_INPUT', `district scope ${input.scopeId}`, { field: 'scopeId', userMessage: '区委党群共建办的范围应为 district' });
    }
    const grant: Grant = { role: input.role, scopeType: roleScope[input.role], scopeId: input.scopeId, scopeName, approved: true };
    const after = await changeGrants(db, caller, now, input.personId, (grants) =>
      grants.some((held) => held.role === grant.role && held.scopeId === grant.scopeId) ? '此人已有该身份' : [...grants, grant],
    { action: 'person.grantOffice', grant, before: '', after: roleLabels[input.role] });
    return { person: personAdminView(after) };
  },
});
