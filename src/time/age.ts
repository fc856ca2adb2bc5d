import { type CivilDateParts, addMonths, compareCivilDates, isLeapYear } from './civil.js';

/**
 * Age in full years (周岁) on a civil date.
 *
 * A person reaches age N on the N-th anniversary of their birth date. Someone
 * born on 29 February reaches it on 28 February in a common year: the month's
 * last day stands in for the missing corresponding day, as civil-code art. 202
 * does for periods. Returns a negative number when `on` precedes the birth.
 *
 * @example ageOn({ year: 2008, month: 2, day: 29 }, { year: 2026, month: 2, day: 28 }) // 18
 */
export function ageOn(birth: CivilDateParts, on: CivilDateParts): number {
  let age = on.year - birth.year;
  const anniversaryDay =
    birth.month === 2 && birth.day === 29 && !isLeapYear(on.year) ? 28 : birth.day;
  if (on.month < birth.month || (on.month === birth.month && on.day < anniversaryDay)) age -= 1;
  return age;
}

/**
 * The number of the calendar-month period, counted from `from`, in which `on`
 * falls: the smallest n with `on` no later than `from` + n months (the last day
 * of an n-month period, civil-code arts. 201–202). 0 on the same day, 1 from
 * the next day up to and including the corresponding day one month on, and so
 * on. Negative when `on` precedes `from`.
 *
 * So "valid for 12 months" holds exactly when the result is at most 12.
 *
 * @example monthPeriodIndex({ year: 2025, month: 3, day: 1 }, { year: 2026, month: 3, day: 1 }) // 12
 */
export function monthPeriodIndex(from: CivilDateParts, on: CivilDateParts): number {
  const cmp = compareCivilDates(on, from);
  if (cmp === 0) return 0;
  if (cmp < 0) return -monthPeriodIndex(on, from);
  const months = (on.year - from.year) * 12 + (on.month - from.month);
  return compareCivilDates(on, addMonths(from, months)) <= 0 ? months : months + 1;
}
