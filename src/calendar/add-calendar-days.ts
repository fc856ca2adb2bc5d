import { dateOfDayNumber, dayNumberOf } from './shanghai-day.js';

/** Longest span any count may walk, in days (a guard against a `skip` that never lets a day count). */
const MAX_SPAN_DAYS = 36_600;

/**
 * The last day of a period of `days` calendar days (日, 自然日) counted from
 * `start`: the start day itself is not counted (civil-code art. 201), so the
 * first counted day is the next one, and the period ends at 24:00 of the day
 * returned (art. 203). Days for which `options.skip` returns true are not
 * counted — a pause the rule excludes (complaints-2020 arts. 18, 23).
 * Needs no working-day calendar; roll a last day that is not a working day
 * forward with {@link rollForwardToWorkingDay} only where the rule says so.
 *
 * @example
 * addCalendarDays('2025-09-30', 15) // '2025-10-15' — the National Day holiday counts
 * addCalendarDays('2025-09-28', 3)  // '2025-10-01'
 */
export function addCalendarDays(start: string, days: number, options: { readonly skip?: (date: string) => boolean } = {}): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  let day = dayNumberOf(start);
  if (!options.skip) return dateOfDayNumber(day + days);
  const limit = day + MAX_SPAN_DAYS;
  let counted = 0;
  while (counted < days) {
    day += 1;
    if (day > limit) throw new RangeError(`no end found within ${MAX_SPAN_DAYS} days of ${start}`);
    if (!options.skip(dateOfDayNumber(day))) counted += 1;
  }
  return dateOfDayNumber(day);
}
