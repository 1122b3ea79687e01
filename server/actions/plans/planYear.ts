import { yearOf } from '../../../src/domain/time/periods';
import { fail } from '../../runtime/failure';

/** Plans are written for this year or the next. */
export function requirePlanYear(year: number, now: Date): void {
  const thisYear = yearOf(now).year;
  if (year < thisYear || year > thisYear + 1) fail('INVALID_INPUT', `plan year ${year}`, { field: 'year', userMessage: `只能编写 ${thisYear}–${thisYear + 1} 年度的方案` });
}
