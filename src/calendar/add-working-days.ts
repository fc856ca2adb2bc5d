import { CN_MAINLAND_CALENDAR } from './cn-mainland.js';
import { dateOfDayNumber, dayNumberOf } from './shanghai-day.js';
import type { WorkingCalendar } from './working-calendar.js';

const MAX_SPAN_DAYS = 36_600;

/**
 * The last day of a period of `days` working days (工作日) counted from
 * `start`: the start day is not counted, whatever it is; each following day
 * counts when the calendar says it is a working day — Monday to Friday minus
 * the national holidays, plus make-up working Saturdays and Sundays — and the
 * period ends at 24:00 of the day returned. Days for which `options.skip`
 * returns true are not counted (a pause the rule excludes).
 *
 * Throws {@link CalendarCoverageError} when a day it must look at lies outside
 * the calendar's coverage: it never falls back to Monday–Friday.
 *
 * @example
 * addWorkingDays('2025-09-30', 2)  // '2025-10-10' — 1–8 October are National Day holidays
 * addWorkingDays('2025-09-30', 3)  // '2025-10-11' — a make-up Saturday counts
 * addWorkingDays('2026-02-13', 2)  // '2026-02-24' — make-up Saturday 14 February, then Spring Festival
 */
export function addWorkingDays(
  start: string,
  days: number,
  options: { readonly calendar?: WorkingCalendar; readonly skip?: (date: string) => boolean } = {},
): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  const calendar = options.calendar ?? CN_MAINLAND_CALENDAR;
  let day = dayNumberOf(start);
  const limit = day + MAX_SPAN_DAYS;
  let counted = 0;
  while (counted < days) {
    day += 1;
    if (day > limit) throw new RangeError(`no end found within ${MAX_SPAN_DAYS} days of ${start}`);
    if (!calendar.isWorkingDayNumber(day)) continue;
    if (options.skip && options.skip(dateOfDayNumber(day))) continue;
    counted += 1;
  }
  return dateOfDayNumber(day);
}
