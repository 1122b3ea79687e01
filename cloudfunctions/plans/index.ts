import { plansMain } from '../../server/actions/plans';

/** Cloud function `plans`: 工作方案 and street arrangements, deadline, review; daily reminders at 09:30 (config.json). */
export const main = plansMain;
