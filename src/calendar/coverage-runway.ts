import { CN_MAINLAND_CALENDAR } from './cn-mainland.js';
import { dayNumberOf } from './shanghai-day.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * How many days of coverage the calendar has left after `today`
 * (`YYYY-MM-DD`): 0 on its last covered day, negative once past it. The
 * State Council publishes next year's arrangements between late October and
 * early December; a clock of 30 working days started today needs about six
 * weeks of calendar, so keep the runway long.
 *
 * @example coverageRunway('2026-12-01') // 30
 */
export function coverageRunway(today: string, calendar: WorkingCalendar = CN_MAINLAND_CALENDAR): number {
  return dayNumberOf(calendar.coverage.to) - dayNumberOf(today);
}
