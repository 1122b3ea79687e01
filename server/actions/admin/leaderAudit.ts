/** The audit trail's names for a party leader's request being refused and asked again (审计记录). */
export const LEADER_REFUSED = 'person.refuseLeader';
export const LEADER_REAPPLIED = 'person.reapplyLeader';

/** How the grant reads in the trail, before and after. */
export const WAITING_LABEL = '党组织负责人（待审核）';
export const REFUSED_LABEL = '未通过审核';
