import { pointsMain } from '../../server/actions/points';

/**
 * Cloud function `points`: the points table, self-assessment, dashboards, exports and the annual
 * assessment; its hourly timer trigger (config.json) keeps the points ledger equal to the records.
 */
export const main = pointsMain;
