/** The nine content areas of the notice (三、共建内容 (一)–(九)). */
export const contentAreas = {
  partyMassBuilding: '（一）建立和健全党群组织',
  workSystems: '（二）完善党群组织工作制度',
  talentCultivation: '（三）双培双推、推优入党',
  careForMembers: '（四）关爱党员和员工',
  activityVenues: '（五）完善党群组织活动阵地',
  activitySupport: '（六）帮助党群组织开展活动',
  practicalProblems: '（七）帮助解决实际问题',
  labourRelations: '（八）促进和谐劳动关系',
  workStyle: '（九）促进机关作风转变',
} as const;
export type ContentArea = keyof typeof contentAreas;
export const contentAreaIds = Object.keys(contentAreas) as ContentArea[];

/** Kinds of record in the 积分行动记录本. */
export const recordKinds = {
  monthlyVisit: '一月一到访',
  quarterlyActivity: '一季一活动（联合活动）',
  annualSummary: '一年一总结（工作会议）',
  openDay: '党员阵地开放日',
  festivalVisit: '“七一”、春节慰问',
  otherWork: '其他共建工作',
} as const;
export type RecordKind = keyof typeof recordKinds;
export const recordKindIds = Object.keys(recordKinds) as RecordKind[];
