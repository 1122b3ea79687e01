/**
 * Demo data for points: the default rule set saved for the year, the year's settings, and confirmed
 * history for the months and quarters that have already ended (so the breakdown, the calendar, the
 * dashboards and the quarterly bulletin show something). Deterministic for a given `now`.
 * Only confirmed records: nothing here waits for anyone or triggers a reminder.
 */
import { pairingCopyOf } from '../../src/domain/catalog/pairing';
import type { HistoryEntry, PairingDocument, PersonDocument, RecordDocument } from '../../server/db/documents';
import type { AchievementTagDocument, PointsSettingsDocument, RuleSetDocument } from '../../server/db/pointsDocuments';
import type { CloudDatabase } from '../../server/runtime/cloud';
import { defaultRules, DEFAULT_LATE_AFTER_DAYS, DEFAULT_YEAR_CAP } from '../../src/domain/points/defaultRules';
import type { ContentArea, RecordKind } from '../../src/domain/records/catalog';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { boundsOf, monthOf, quartersOfYear, yearOf } from '../../src/domain/time/periods';
import type { DemoDistrict } from './demoDistrict';
import { seededRandom } from './seededRandom';

const pad2 = (value: number) => String(value).padStart(2, '0');

interface Template {
  readonly content: string;
  readonly results: string;
  readonly areas: readonly ContentArea[];
}

const visits: readonly Template[] = [
  { content: '到企业了解党支部组织生活开展情况，指导落实三会一课制度。', results: '帮助修订党支部学习制度，明确下月主题党日安排。', areas: ['workSystems', 'partyMassBuilding'] },
  { content: '走访企业工会，听取员工代表对食堂和宿舍的意见。', results: '梳理员工诉求 5 条，协调解决其中 3 条。', areas: ['careForMembers', 'practicalProblems'] },
  { content: '与企业负责人座谈，宣讲稳岗扩岗政策。', results: '企业申报稳岗补贴，落实 2 项政策。', areas: ['practicalProblems', 'workStyle'] },
  { content: '到企业了解入党积极分子培养情况，送去党课教材。', results: '确定 2 名青年员工为培养对象。', areas: ['talentCultivation'] },
  { content: '检查党群活动室使用情况，补充图书和学习资料。', results: '新增图书 60 册，制定活动室开放时间表。', areas: ['activityVenues'] },
];

const activities: readonly Template[] = [
  { content: '双方党员共同开展主题党日，参观党史教育基地并座谈交流。', results: '双方 36 名党员参加，形成 3 条共建工作建议。', areas: ['activitySupport', 'partyMassBuilding'] },
  { content: '联合举办青年技能大赛和青年员工座谈会。', results: '80 名青年参赛，评出“青年岗位能手” 6 名。', areas: ['activitySupport', 'talentCultivation'] },
  { content: '联合开展劳动法律法规宣讲和劳动争议调解培训。', results: '120 名员工参加，协助成立劳动争议调解小组。', areas: ['labourRelations'] },
];

const others: ReadonlyArray<Template & { readonly kind: RecordKind; readonly achievement?: string }> = [
  { kind: 'otherWork', content: '围绕企业转型升级开展专题调研，走访车间和研发部门。', results: '牵头形成《企业转型升级与和谐劳动关系》调研报告一份。', areas: ['practicalProblems'], achievement: 'researchReport' },
  { kind: 'otherWork', content: '指导企业召开职工代表大会，讨论工资集体协商方案。', results: '企业与工会签订工资专项集体合同。', areas: ['labourRelations'], achievement: 'collectiveContract' },
  { kind: 'openDay', content: '举办“党员阵地开放日”，邀请企业党员和群团代表走进机关。', results: '28 人参观机关党员活动室，参加座谈会。', areas: ['workStyle', 'activityVenues'] },
];

/** Write the demo points data; does nothing when history already exists. */
export async function seedPointsHistory(db: CloudDatabase, district: DemoDistrict, now: Date): Promise<void> {
  const year = yearOf(now).year;
  const currentMonth = monthOf(now).month;
  const next = seededRandom(20261019 + year);
  const leaderOf = new Map<string, PersonDocument>();
  for (const person of district.people) {
    for (const grant of person.grants) if (grant.role === 'orgLeader' && grant.approved && !leaderOf.has(grant.scopeId)) leaderOf.set(grant.scopeId, person);
  }
  const authorOf = new Map<string, PersonDocument>();
  for (const person of district.people) {
    for (const grant of person.grants) if (grant.role === 'unitStaff' && !authorOf.has(grant.scopeId)) authorOf.set(grant.scopeId, person);
  }

  const records: RecordDocument[] = [];
  const tags: AchievementTagDocument[] = [];
  const endedQuarters = quartersOfYear(year).filter((quarter) => boundsOf(quarter).end.getTime() <= now.getTime());
  district.pairings.forEach((pairing, index) => {
    // 李明's and 陈静's units keep their book well; the rest vary.
    const diligence = index === 0 ? 0.95 : index === 1 ? 0.9 : 0.7 + next() * 0.3;
    const add = (kind: RecordKind, month: number, day: number, template: Template) => {
      const record = confirmedRecord(pairing, kind, `${year}-${pad2(month)}-${pad2(day)}`, template, authorOf.get(pairing.unitId), leaderOf.get(pairing.orgId));
      records.push(record);
      return record;
    };
    for (let month = 1; month < currentMonth; month += 1) {
      if (next() < diligence) add('monthlyVisit', month, 3 + Math.floor(next() * 22), visits[(index + month) % visits.length]!);
    }
    for (const quarter of endedQuarters) {
      if (next() < diligence) add('quarterlyActivity', quarter.quarter * 3 - 1, 8 + Math.floor(next() * 15), activities[(index + quarter.quarter) % activities.length]!);
    }
    if (currentMonth > 2 && next() < 0.7) add('festivalVisit', 2, 5, { content: '春节前走访慰问企业困难员工和留守员工。', results: '慰问困难员工 8 名，送去慰问金和年货。', areas: ['careForMembers'] });
    if (currentMonth > 7 && next() < 0.6) add('festivalVisit', 7, 1, { content: '“七一”前夕慰问企业老党员和生活困难党员。', results: '慰问党员 5 名，开展重温入党誓词活动。', areas: ['careForMembers', 'partyMassBuilding'] });
    if (index % 4 === 1 && currentMonth > 5) add('openDay', 5, 18, others[2]!);
    if (index % 3 === 0 && currentMonth > 6) {
      const template = others[index % 2]!;
      const record = add(template.kind, 6, 12, template);
      if (template.achievement) {
        tags.push({
          _id: `${record._id}-${template.achievement}`,
          recordId: record._id,
          pairingId: record.pairingId,
          unitId: record.unitId,
          year,
          achievement: template.achievement,
          taggedById: record.authorId,
          taggedBy: record.authorName,
          taggedAt: record.updatedAt,
        });
      }
    }
  });

  const settings: PointsSettingsDocument = {
    _id: `settings-${year}`,
    type: 'settings',
    year,
    unitRankings: false,
    selfAssessmentDeadline: `${year + 1}-01-15`,
    closedAt: null,
    closedBy: null,
    updatedAt: chinaInstant(year, 1, 1, 9),
    updatedBy: '周涛',
  };
  const ruleSet: RuleSetDocument = {
    _id: `rules-district-${year}-v1`,
    type: 'ruleSet',
    year,
    version: 1,
    scopeKey: 'district',
    scope: { kind: 'district' },
    effectiveFrom: `${year}-01-01`,
    rules: defaultRules,
    yearCap: DEFAULT_YEAR_CAP,
    lateAfterDays: DEFAULT_LATE_AFTER_DAYS,
    note: '采用系统默认积分表（通知附件3未公布）',
    savedById: 'person-zhoutao',
    savedBy: '周涛',
    savedAt: chinaInstant(year, 1, 1, 9),
  };
  await db.collection('pointsYear').add({ data: [settings, ruleSet] as never });
  if (records.length > 0) await db.collection('records').add({ data: records as never });
  if (tags.length > 0) await db.collection('achievementTags').add({ data: tags as never });
}

/** A stable minute in 0–479 for a record id (FNV-1a), spreading the seeded confirmations over a working day. */
function minuteOf(id: string): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619) >>> 0;
  return hash % 480;
}

function confirmedRecord(pairing: PairingDocument, kind: RecordKind, date: string, template: Template, author: PersonDocument | undefined, leader: PersonDocument | undefined): RecordDocument {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const written = chinaInstant(y, m, d, 18);
  const submitted = chinaInstant(y, m, d, 18, 5);
  // Confirmed the next day between 10:00 and 17:59, each record at its own minute: a leader who
  // confirmed dozens in one second would be flagged 负责人短时间内集中确认, as it should be.
  const confirmedAt = chinaInstant(y, m, d + 1, 10, minuteOf(`${pairing._id}-${kind}-${date}`));
  const authorId = author?._id ?? 'person-office';
  const authorName = author?.name ?? '单位联络员';
  const leaderId = leader?._id ?? 'person-paper';
  const leaderName = leader?.name ?? '组织党组织负责人';
  const history: HistoryEntry[] = [
    { at: written, actorId: authorId, actorName: authorName, event: 'create', revision: 1 },
    { at: submitted, actorId: authorId, actorName: authorName, event: 'submit', revision: 1 },
    { at: confirmedAt, actorId: leaderId, actorName: leaderName, event: 'confirm', revision: 1 },
  ];
  return {
    _id: `seed-${pairing._id}-${kind}-${date}`,
    ...pairingCopyOf(pairing),
    year: y,
    kind,
    date,
    contentAreas: template.areas,
    content: template.content,
    results: template.results,
    participants: { unit: { count: 2 + (d % 4), names: [authorName] }, org: { count: 3 + (d % 9), names: leader ? [leaderName] : [] } },
    organisations: { unit: ['party'], org: ['party', 'union'] },
    attachments: [],
    activityId: null,
    checkIn: null,
    flagged: false,
    state: 'confirmed',
    revision: 1,
    paper: false,
    authorId,
    authorName,
    confirmToken: null,
    confirmed: { at: confirmedAt, byId: leaderId, byName: leaderName },
    dispute: null,
    previousRevisions: [],
    history,
    submittedAt: submitted,
    createdAt: written,
    updatedAt: confirmedAt,
  };
}
