/**
 * Periods counted in whole years, per civil-code arts. 201–202:
 *
 * - art. 201: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算" — the day of the
 *   triggering event is not counted; the period starts the next day.
 * - art. 202: "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日"
 *   — its last day is the corresponding day of the expiry month (the day with the
 *   trigger's day-of-month, N years on); when that month has no such day
 *   (29 February in a common year), the month's last day.
 *
 * So a 5-year period triggered on 2024-03-10 runs 2024-03-11 … 2029-03-10, and
 * one triggered on 2024-02-29 runs 2024-03-01 … 2029-02-28. Art. 203 (a last
 * day on a statutory holiday moves to the next day) is not applied: it governs
 * time limits for acts, not minimum keeping periods, and no retention source
 * invokes it.
 */
import { type CivilDateParts, addMonths, dayNumber, fromDayNumber } from './civil.js';

/**
 * The last day of a period of `years` whole years triggered on `trigger`
 * (civil-code arts. 201–202): the corresponding day `years` years on, or the
 * month's last day when there is none.
 *
 * @example addYearsPeriod({ year: 2024, month: 2, day: 29 }, 5) // { year: 2029, month: 2, day: 28 }
 * @example addYearsPeriod({ year: 2021, month: 6, day: 30 }, 10) // { year: 2031, month: 6, day: 30 }
 */
export function addYearsPeriod(trigger: CivilDateParts, years: number): CivilDateParts {
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`years must be a whole number ≥ 0, got ${years}`);
  return addMonths(trigger, years * 12);
}

/** The civil date one day after `date`. */
export function nextDay(date: CivilDateParts): CivilDateParts {
  return fromDayNumber(dayNumber(date) + 1);
}

