import { DAY_MS, SHANGHAI_OFFSET_MS, dayNumber, formatCivilDate, fromDayNumber, parseCivilDate, shanghaiDayNumber } from '../time/civil.js';

/**
 * The last millisecond of a civil day in Asia/Shanghai (23:59:59.999+08:00):
 * a day-based period "ends at 24:00 of its last day" (civil-code art. 203),
 * so this is the last on-time instant.
 *
 * @example formatShanghaiInstant(shanghaiDayEnd('2025-10-09')) // '2025-10-09T23:59:59.999+08:00'
 */
export function shanghaiDayEnd(date: string): number {
  return shanghaiDayStart(date) + DAY_MS - 1;
}

/** The first millisecond (00:00+08:00) of a civil day in Asia/Shanghai. */
export function shanghaiDayStart(date: string): number {
  const parts = parseCivilDate(date);
  if (!parts) throw new TypeError(`"${date}" is not a civil date YYYY-MM-DD`);
  return dayNumber(parts) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** The Asia/Shanghai civil date (`YYYY-MM-DD`) of a day number. */
export function dateOfDayNumber(day: number): string {
  return formatCivilDate(fromDayNumber(day));
}

/** The day number of a civil date `YYYY-MM-DD`; throws for anything else. */
export function dayNumberOf(date: string): number {
  const parts = parseCivilDate(date);
  if (!parts) throw new TypeError(`"${date}" is not a civil date YYYY-MM-DD`);
  return dayNumber(parts);
}

export { shanghaiDayNumber };
