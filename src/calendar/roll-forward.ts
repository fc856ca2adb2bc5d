import { CN_MAINLAND_CALENDAR } from './cn-mainland.js';
import { dateOfDayNumber, dayNumberOf } from './shanghai-day.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * The day itself when it is a working day, otherwise the next working day:
 * civil-code art. 203 — when the last day of a period is a statutory rest
 * day, the period ends on the day after the rest ends. Every non-working day
 * of the calendar (weekend, holiday, rest day created by 调休) counts as a
 * rest day; a make-up working Saturday does not. Used only for rules whose
 * clock says `rollForward`.
 *
 * Throws {@link CalendarCoverageError} when a day it must look at lies outside
 * the calendar's coverage.
 *
 * @example
 * rollForwardToWorkingDay('2025-10-01') // '2025-10-09' — after the National Day holiday
 * rollForwardToWorkingDay('2025-10-11') // '2025-10-11' — a make-up working Saturday
 */
export function rollForwardToWorkingDay(date: string, calendar: WorkingCalendar = CN_MAINLAND_CALENDAR): string {
  let day = dayNumberOf(date);
  for (let i = 0; i < 366; i++, day++) {
    if (calendar.isWorkingDayNumber(day)) return dateOfDayNumber(day);
  }
  throw new RangeError(`no working day within a year after ${date}`);
}
