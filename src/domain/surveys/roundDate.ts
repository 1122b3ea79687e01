import { chinaDateString } from '../time/chinaTime';

/**
 * The China date a round belongs to: the day of its last moment of answering. A round closes at an
 * instant that is itself outside it (answers are taken until then, exclusive), so a round ending
 * "14 July 24:00" (15 July 00:00 China time) belongs to 14 July, and one an office ends at 10:30 on
 * 10 July belongs to 10 July.
 */
export function roundDate(closedAt: Date): string {
  return chinaDateString(closedAt.getTime() - 1);
}
