import { chinaDateString, parseChinaDate } from '../../../src/domain/time/chinaTime';

/** The China calendar day before `date` (YYYY-MM-DD): a replaced pairing ends the day before the new one starts. */
export const dayBefore = (date: string) => chinaDateString(new Date(parseChinaDate(date)!.getTime() - 86_400_000));
