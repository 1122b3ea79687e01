import { activityRefInput, attendInput, listActivitiesInput, postActivityInput, venueCodeInput } from '../../../src/contract/records';
import { acceptedWindows, secondsUntilNextCode, venueWindow } from '../../../src/domain/activities/venueCode';
import { canViewPairing, isUnitSideOf } from '../../../src/domain/access/scope';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import type { ActivityDocument, PairingDocument } from '../../db/documents';
import { findAll, getById, insert, updateWhere } from '../../db/ops';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { newToken, windowCode } from '../../runtime/tokens';
import { visibleRecordsCondition } from '../records/list';
import { activityView } from './views';

export const ATTEND_PAGE = 'pages/attend/index';

async function visibleActivity(db: CloudDatabase, caller: Caller, activityId: string): Promise<ActivityDocument> {
  const activity = await getById<ActivityDocument>(db.collection('activities'), activityId);
  const ownOrg = activity !== undefined && caller.grants.some((grant) => grant.role === 'orgLeader' && grant.scopeId === activity.orgId);
  if (!activity || !(canViewPairing(caller.grants, activity) || ownOrg)) fail('NOT_FOUND', `activity ${activityId} not visible to ${caller.personId}`, { userMessage: '活动不存在或不在您的结对范围内' });
  return activity;
}

/** activities.post — the unit side posts a quarter's joint activity ahead, so both sides see it. */
export const postActivity = defineAction({
  name: 'activities.post',
  input: postActivityInput,
  access: ['unitStaff', 'unitHead'],
  async run({ db, caller, now }, input) {
    const pairing = await getById<PairingDocument>(db.collection('pairings'), input.pairingId);
    if (!pairing || !isUnitSideOf(caller.grants, pairing)) fail(pairing ? 'FORBIDDEN' : 'NOT_FOUND', `person ${caller.personId} cannot post for pairing ${input.pairingId}`, { field: 'pairingId' });
    if (!input.date.startsWith(`${pairing.year}-`) || input.date < pairing.startDate || (pairing.endDate !== null && input.date > pairing.endDate)) {
      fail('INVALID_INPUT', `activity date ${input.date} outside pairing ${pairing._id}`, { field: 'date', userMessage: '活动日期不在结对期内' });
    }
    if (input.date < chinaDateString(now)) fail('INVALID_INPUT', `activity date ${input.date} is past`, { field: 'date', userMessage: '发布的活动日期不能早于今天；已开展的活动请直接写记录' });
    const activity: ActivityDocument = {
      _id: newToken(),
      pairingId: pairing._id,
      unitId: pairing.unitId,
      orgId: pairing.orgId,
      unitName: pairing.unitName,
      orgName: pairing.orgName,
      streetId: pairing.streetId,
      unitStreetId: pairing.unitStreetId,
      year: pairing.year,
      title: input.title,
      date: input.date,
      startTime: input.startTime,
      place: input.place,
      agenda: input.agenda,
      organiserId: caller.personId,
      organiserName: caller.name,
      secret: newToken(),
      attendance: [],
      recordId: null,
      createdAt: now,
    };
    await insert(db.collection('activities'), activity);
    return { activity: activityView(activity, caller) };
  },
});

/** activities.list — joint activities of the caller's pairings, soonest first. */
export const listActivities = defineAction({
  name: 'activities.list',
  input: listActivitiesInput,
  access: 'person',
  async run({ db, caller }, input) {
    const visible = visibleRecordsCondition(db, caller);
    if (!visible) return { items: [] };
    const condition = input.pairingId ? db.command.and([visible, { pairingId: input.pairingId }]) : visible;
    const rows = await findAll<ActivityDocument>(db.collection('activities').where(condition).orderBy('date', 'desc').limit(50));
    return { items: rows.map((row) => activityView(row, caller)) };
  },
});

export const getActivity = defineAction({
  name: 'activities.get',
  input: activityRefInput,
  access: 'person',
  async run({ db, caller }, input) {
    return { activity: activityView(await visibleActivity(db, caller, input.activityId), caller) };
  },
});

/** activities.venueCode — the rotating code (and QR) the organiser's phone shows at the venue. */
export const venueCode = defineAction({
  name: 'activities.venueCode',
  input: venueCodeInput,
  access: ['unitStaff', 'unitHead'],
  async run({ db, cloud, caller, now }, input) {
    const activity = await visibleActivity(db, caller, input.activityId);
    if (!isUnitSideOf(caller.grants, activity)) fail('FORBIDDEN', `person ${caller.personId} does not organise ${activity._id}`);
    if (activity.date !== chinaDateString(now)) fail('CONFLICT', `venue code of ${activity._id} asked on another day`, { userMessage: `现场签到只在活动当天（${activity.date}）开放` });
    const code = windowCode(activity.secret, venueWindow(now));
    const scene = `${activity._id}.${code}`;
    const view = { code, path: `${ATTEND_PAGE}?scene=${scene}`, secondsLeft: secondsUntilNextCode(now) };
    if (!input.withQrImage) return view;
    const image = (await cloud.openapi.wxacode.getUnlimited({ scene, page: ATTEND_PAGE, checkPath: false, width: 430 })) as { buffer: Buffer; contentType: string };
    return { ...view, qrImage: `data:${image.contentType};base64,${Buffer.from(image.buffer).toString('base64')}` };
  },
});

/** activities.attend — a participant from either side scans the venue code on the day. */
export const attend = defineAction({
  name: 'activities.attend',
  input: attendInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const activity = await visibleActivity(db, caller, input.activityId);
    const side: 'unit' | 'org' = caller.grants.some((grant) => (grant.role === 'unitStaff' || grant.role === 'unitHead') && grant.scopeId === activity.unitId) ? 'unit' : 'org';
    const onSide = side === 'unit' || caller.grants.some((grant) => grant.role === 'orgLeader' && grant.scopeId === activity.orgId);
    if (!onSide) fail('FORBIDDEN', `person ${caller.personId} is on neither side of ${activity._id}`, { userMessage: '只有结对双方的人员可以签到' });
    if (activity.date !== chinaDateString(now)) fail('CONFLICT', `attendance of ${activity._id} on another day`, { userMessage: `现场签到只在活动当天（${activity.date}）开放` });
    if (!acceptedWindows(now).some((window) => windowCode(activity.secret, window) === input.code)) {
      fail('EXPIRED', `venue code ${input.code} of ${activity._id} not current`, { field: 'code', userMessage: '签到码已更新，请重新扫描组织者手机上的二维码' });
    }
    if (activity.attendance.some((entry) => entry.personId === caller.personId)) return { activity: activityView(activity, caller), alreadyCheckedIn: true };
    const entry = { personId: caller.personId, name: caller.name, side, at: now };
    const changed = await updateWhere(db.collection('activities').where({ _id: activity._id, 'attendance.personId': db.command.neq(caller.personId) }), { attendance: db.command.push(entry) });
    const attendance = changed === 1 ? [...activity.attendance, entry] : activity.attendance;
    return { activity: activityView({ ...activity, attendance }, caller), alreadyCheckedIn: changed !== 1 };
  },
});
