import type { ActionInput, ActionName } from '../../src/contract/actions';
import { activityActions } from '../../server/actions/activities';
import { adminActions } from '../../server/actions/admin';
import { bulletinActions } from '../../server/actions/bulletins';
import { feedbackActions } from '../../server/actions/feedback';
import { planActions } from '../../server/actions/plans';
import { pointsActions } from '../../server/actions/points';
import { recordActions } from '../../server/actions/records';
import { sessionActions } from '../../server/actions/session';
import { surveyActions } from '../../server/actions/surveys';
import type { AnyAction } from '../../server/runtime/defineAction';
import { visitRecord } from '../support/builders';

/** Every action of every cloud function, as the functions define them (name, input schema, access). */
export const everyAction: readonly AnyAction[] = [
  ...sessionActions,
  ...recordActions,
  ...activityActions,
  ...surveyActions,
  ...adminActions,
  ...planActions,
  ...feedbackActions,
  ...pointsActions,
  ...bulletinActions,
];

/**
 * One well-formed input for every action, shaped by its contract (the ids are the demo district's).
 * Each passes the action's schema; the bad-input test spoils one part at a time.
 */
export const wellFormedInputs: { readonly [K in ActionName]: ActionInput<K> } = {
  'session.whoami': {},
  'session.join': { code: 'ABCD2345', name: '新人' },
  'session.invite': { scopeType: 'unit', scopeId: 'unit-001', withQrImage: false },
  'session.pendingLeaders': {},
  'session.approveLeader': { personId: 'person-liuyang', orgId: 'org-002' },
  'records.home': {},
  'records.checkIn': { pairingId: 'pairing-2026-001', latitude: 22.72, longitude: 114.24, accuracy: 30 },
  'records.save': visitRecord('pairing-2026-001', '2026-06-09'),
  'records.submit': { recordId: 'record-x', revision: 1 },
  'records.revise': { recordId: 'record-x' },
  'records.withdraw': { recordId: 'record-x', revision: 1 },
  'records.confirmOnPaper': { recordId: 'record-x', revision: 1 },
  'records.confirm': { recordId: 'record-x', revision: 1 },
  'records.dispute': { recordId: 'record-x', revision: 1, reason: '人数不符' },
  'records.get': { recordId: 'record-x' },
  'records.list': { pairingId: 'pairing-2026-001', limit: 20 },
  'records.pending': {},
  'records.confirmLink': { recordId: 'record-x', withQrImage: false },
  'activities.post': { pairingId: 'pairing-2026-001', title: '联合党日活动', date: '2026-06-20', startTime: '09:30', place: '企业会议室', agenda: '学习交流' },
  'activities.list': { pairingId: 'pairing-2026-001' },
  'activities.get': { activityId: 'activity-x' },
  'activities.venueCode': { activityId: 'activity-x', withQrImage: false },
  'activities.attend': { activityId: 'activity-x', code: 'ABCDEF' },
  'surveys.list': {},
  'surveys.create': { period: 'midYear', year: 2026, endDate: '2026-07-31', streetId: 'street-longcheng' },
  'surveys.round': { roundId: 'survey-2026-midYear-district', offset: 0, limit: 50 },
  'surveys.updateDraft': { roundId: 'survey-x', formVersion: 1, items: [{ title: '到访指导', hint: '每月到访' }], weights: { partyMass: 40, employees: 40, owner: 20 }, threshold: 3, endDate: '2026-07-31' },
  'surveys.open': { roundId: 'survey-x', formVersion: 1 },
  'surveys.close': { roundId: 'survey-x' },
  'surveys.results': { roundId: 'survey-2026-midYear-district', pairingId: 'pairing-2026-001' },
  'surveys.export': { roundId: 'survey-2026-midYear-district' },
  'surveys.mine': {},
  'surveys.links': { roundId: 'survey-2026-midYear-district', pairingId: 'pairing-2026-001' },
  'surveys.qrCode': { roundId: 'survey-2026-midYear-district', pairingId: 'pairing-2026-001', group: 'employees' },
  'surveys.ballotCodes': { roundId: 'survey-2026-midYear-district', pairingId: 'pairing-2026-001', group: 'owner', add: 0 },
  'surveys.entry': { entry: 'abcdefghijklmnop' },
  'surveys.answer': { entry: 'abcdefghijklmnop', formVersion: 1, answers: { visits: 'satisfied' }, comment: '很好' },
  'admin.overview': {},
  'admin.importDryRun': { fileId: 'cloud://local.local-bucket/uploads/demo-zhoutao/imports/a.csv', fileName: 'a.csv' },
  'admin.importCommit': { importId: 'import-x', maxChunks: 1 },
  'admin.importStatus': { importId: 'import-x' },
  'admin.export': { year: 2026, format: 'csv', template: false },
  'admin.directory': { kind: 'units', search: '区', streetId: 'street-longcheng', year: 2026, limit: 20 },
  'admin.unit': { unitId: 'unit-001' },
  'admin.saveUnit': { unitId: 'unit-001', name: '区发展和改革局', level: 'districtDirect', streetId: 'street-longcheng', contactName: '李明', contactPhone: '0755-12345678' },
  'admin.org': { orgId: 'org-001' },
  'admin.saveOrg': { orgId: 'org-001', name: '深圳华星光电科技有限公司', kind: 'enterprise', streetId: 'street-longcheng', address: '新地址', location: { latitude: 22.72, longitude: 114.24 }, partyMembers: 3 },
  'admin.savePairing': { unitId: 'unit-001', orgId: 'org-001', year: 2026, startDate: '2026-01-01' },
  'admin.endPairing': { pairingId: 'pairing-2026-001', endDate: '2026-06-30' },
  'admin.people': { scopeType: 'unit', scopeId: 'unit-001', search: '李' },
  'admin.removeGrant': { personId: 'person-liming', role: 'unitStaff', scopeId: 'unit-001' },
  'admin.setUnitRole': { personId: 'person-liming', unitId: 'unit-001', role: 'unitHead' },
  'admin.grantOffice': { personId: 'person-liming', role: 'streetOffice', scopeId: 'street-buji' },
  'admin.invitations': { scopeType: 'unit', scopeId: 'unit-001' },
  'admin.revokeInvitation': { scopeType: 'unit', scopeId: 'unit-001' },
  'admin.audit': { unitId: 'unit-001', limit: 20 },
  'plans.mine': { year: 2026 },
  'plans.save': { subjectType: 'unit', subjectId: 'unit-001', year: 2026, text: '方案正文', attachments: [{ fileId: 'cloud://local.local-bucket/uploads/demo-liming/plans/2026/unit-001/a.pdf', name: '方案.pdf' }] },
  'plans.submit': { subjectType: 'unit', subjectId: 'unit-001', year: 2026 },
  'plans.list': { year: 2026, subjectType: 'unit', offset: 0, limit: 50 },
  'plans.get': { planId: 'plan-2026-unit-unit-001' },
  'plans.review': { planId: 'plan-2026-unit-unit-001', decision: 'return', comment: '请补充' },
  'plans.setDeadline': { year: 2026, deadline: '2026-11-20' },
  'feedback.send': { category: 'suggestion', content: '建议', contact: '0755-1234', anonymous: false, page: 'pages/home/index' },
  'feedback.mine': {},
  'feedback.followUp': { feedbackId: 'feedback-x', text: '补充' },
  'feedback.close': { feedbackId: 'feedback-x' },
  'feedback.list': { state: 'pending', limit: 20 },
  'feedback.answer': { feedbackId: 'feedback-x', text: '答复' },
  'points.rules': { year: 2026, streetId: 'street-longcheng' },
  'points.saveRules': { year: 2026, scope: { kind: 'district' }, effectiveFrom: '2026-07-01', rules: [{ target: { type: 'cadence', kind: 'monthlyVisit' }, points: 2, latePoints: 1, cap: 24 }], yearCap: 100, lateAfterDays: 10, note: '说明' },
  'points.adoptDistrictRules': { year: 2026, streetId: 'street-longcheng', effectiveFrom: '2026-07-01', note: '说明' },
  'points.settings': { year: 2026 },
  'points.saveSettings': { year: 2026, unitRankings: false, selfAssessmentDeadline: '2027-01-15' },
  'points.closeYear': { year: 2026 },
  'points.unit': { unitId: 'unit-001', year: 2026 },
  'points.tagAchievement': { recordId: 'record-x', achievement: 'researchReport' },
  'points.untagAchievement': { recordId: 'record-x', achievement: 'researchReport' },
  'points.selfAssessment': { unitId: 'unit-001', year: 2026 },
  'points.submitSelfAssessment': { unitId: 'unit-001', year: 2026, items: [{ ruleKey: 'cadence:monthlyVisit', claimed: 20, remark: '说明' }], remarks: '自评' },
  'points.table': { year: 2026, streetId: 'street-longcheng', offset: 0, limit: 50 },
  'points.dashboard': { year: 2026, streetId: 'street-longcheng' },
  'points.exportTable': { year: 2026, streetId: 'street-longcheng' },
  'points.recordBook': { unitId: 'unit-001', year: 2026 },
  'points.exportRecordBooks': { year: 2026, streetId: 'street-longcheng', unitIds: ['unit-001'], offset: 0 },
  'points.assessment': { year: 2026, streetId: 'street-longcheng', offset: 0, limit: 50 },
  'points.checkStreet': { year: 2026, streetId: 'street-longcheng', grade: 'good', remarks: '意见' },
  'points.saveCommendations': { year: 2026, units: [{ unitId: 'unit-001', reason: '表现突出' }], people: [{ name: '李明', unitId: 'unit-001', deeds: '事迹' }] },
  'bulletins.generate': { year: 2026, quarter: 2, streetId: 'street-longcheng' },
  'bulletins.update': { bulletinId: 'bulletin-x', title: '通报', summary: '正文', closing: '结束语', goodPracticeIds: ['record-x'], praisedUnitIds: ['unit-001'], behindUnitIds: [] },
  'bulletins.publish': { bulletinId: 'bulletin-x' },
  'bulletins.list': { year: 2026 },
  'bulletins.get': { bulletinId: 'bulletin-x' },
  // records.confirmMany (issue 12: several waiting records in one pass)
  'records.confirmMany': { items: [{ recordId: 'record-x', revision: 1 }] },
  // Approving party leaders: who asks, refusals with a reason, asking again.
  'admin.leaderRequests': {},
  'admin.refuseLeader': { personId: 'person-liuyang', orgId: 'org-002', reason: '身份信息不符，请联系街道党群共建办' },
  'admin.myLeaderRequests': {},
  'admin.reapplyLeader': { orgId: 'org-002' },
  // 待核查的记录.
  'admin.recordChecks': { offset: 0, limit: 20 },
  // Marking a flagged record reviewed, with a note.
  'admin.reviewRecordCheck': { recordId: 'record-x', note: '已与纸质台账核对，情况属实' },
};
