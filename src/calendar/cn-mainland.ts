/**
 * The shipped calendar of mainland China: every national holiday and make-up
 * working day from the State Council's notices
 * (`rules/calendars/cn-mainland.json`). Bundled so it loads synchronously.
 */
import data from '../../rules/calendars/cn-mainland.json';
import { type WorkingCalendar, createWorkingCalendar } from './working-calendar.js';

/**
 * Mainland China's working days: Monday–Friday, minus the national holidays,
 * plus the make-up working days (调休上班) of each year's State Council notice.
 * Days outside `coverage` are refused, never guessed; extend it with
 * {@link extendCalendar} when a new notice is out before the library's release.
 *
 * @example
 * CN_MAINLAND_CALENDAR.isWorkingDay('2025-10-08') // false: National Day holiday
 * CN_MAINLAND_CALENDAR.isWorkingDay('2025-10-11') // true: make-up Saturday
 * CN_MAINLAND_CALENDAR.coverage // { from: '2010-01-01', to: '2026-12-31' }
 */
export const CN_MAINLAND_CALENDAR: WorkingCalendar = /* @__PURE__ */ createWorkingCalendar(data);
