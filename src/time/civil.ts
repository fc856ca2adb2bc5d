/**
 * Civil dates (`YYYY-MM-DD`) and instants (ISO 8601 with an offset), and the
 * one time zone every civil-date question is answered in: Asia/Shanghai.
 *
 * Asia/Shanghai has kept UTC+08:00 without daylight saving since
 * 1991-09-15, so for the instants this library accepts (1992 onwards) the
 * civil date in Shanghai is the UTC date of `instant + 8h`. This is exact,
 * needs no time-zone database and never looks at the host `TZ`.
 */

/** Milliseconds in one civil day. */
export const DAY_MS = 86_400_000;
/** Offset of Asia/Shanghai from UTC (no DST since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Earliest instant accepted: 1992-01-01T00:00:00+08:00. */
export const MIN_INSTANT_MS = Date.UTC(1992, 0, 1) - SHANGHAI_OFFSET_MS;
/** Latest instant accepted: 2199-12-31T23:59:59.999+08:00. */
export const MAX_INSTANT_MS = Date.UTC(2200, 0, 1) - SHANGHAI_OFFSET_MS - 1;

/** A civil date split into its parts. Months are 1–12. */
export interface CivilDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const CIVIL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses a civil date `YYYY-MM-DD`; `undefined` for anything else,
 * including impossible dates such as `2025-02-30`.
 *
 * @example parseCivilDate('2024-02-29') // { year: 2024, month: 2, day: 29 }
 */
export function parseCivilDate(text: string): CivilDateParts | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const hi = two(text, 0);
  const lo = two(text, 2);
  const year = hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
  const month = two(text, 5);
  const day = two(text, 8);
  return year >= 0 && validParts(year, month, day) ? { year, month, day } : undefined;
}

/** Why `text` is not a civil date, or `undefined` when it is one. */
export function civilDateProblem(text: string): string | undefined {
  if (!CIVIL_DATE_RE.test(text)) return 'must be a civil date YYYY-MM-DD';
  return parseCivilDate(text) ? undefined : `${text} is not a date in the calendar`;
}

/**
 * Parses an ISO 8601 instant that carries an offset (`Z` or `±HH:MM`) and
 * returns epoch milliseconds; `undefined` when the text is malformed, names an
 * impossible date or time, has no offset, or lies outside 1992–2199.
 *
 * @example parseInstant('2025-09-30T16:00:00+08:00') // 1759219200000
 */
export function parseInstant(text: string): number | undefined {
  return fastInstant(text) ?? instantParts(text).ms;
}

/** Why `text` is not an accepted instant, or `undefined` when it is one. */
export function instantProblem(text: string): string | undefined {
  return fastInstant(text) === undefined ? instantParts(text).problem : undefined;
}

const FIRST_TABLE_YEAR = 1990;
const LAST_TABLE_YEAR = 2210;
/** Day number of the first of each month, 1990–2210: instants are parsed by the million when screening. */
const MONTH_START = new Float64Array((LAST_TABLE_YEAR - FIRST_TABLE_YEAR + 1) * 12);

/** The day number of the first day of `month` (1–12) of `year`. */
function monthStartDay(year: number, month: number): number {
  return year >= FIRST_TABLE_YEAR && year <= LAST_TABLE_YEAR
    ? MONTH_START[(year - FIRST_TABLE_YEAR) * 12 + month - 1]!
    : daysFromCivil(year, month, 1);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

for (let y = FIRST_TABLE_YEAR; y <= LAST_TABLE_YEAR; y++) {
  for (let m = 1; m <= 12; m++) MONTH_START[(y - FIRST_TABLE_YEAR) * 12 + m - 1] = daysFromCivil(y, m, 1);
}

/** The decimal digit at `i`, or -1000 (so any sum involving it stays negative). */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >>> 0 <= 9 ? c : -1000;
}
/** Two decimal digits at `i` as a number, or a negative number when either is not a digit. */
function two(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >>> 0 <= 9 && b >>> 0 <= 9 ? a * 10 + b : -1;
}

/**
 * Parses the common shapes by character codes — this runs for every instant of
 * every record screened — and leaves everything else, and every explanation
 * of a problem, to the regular expression below.
 */
function fastInstant(text: string): number | undefined {
  const n = text.length;
  if (n < 17 || n > 35 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) {
    return undefined;
  }
  const hi = two(text, 0);
  const lo = two(text, 2);
  const year = hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return undefined;
  }
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58) {
    second = two(text, i + 1);
    if (second < 0 || second > 59) return undefined;
    i += 3;
    if (text.charCodeAt(i) === 46) {
      let scale = 100;
      let digits = 0;
      i += 1;
      for (; i < n; i++) {
        const c = digit(text, i);
        if (c < 0) break;
        if (++digits > 9) return undefined;
        millis += c * scale;
        scale /= 10;
      }
      if (digits === 0) return undefined;
      millis = Math.floor(millis);
    }
  }
  let offsetMinutes: number;
  const sign = text.charCodeAt(i);
  if (sign === 90 && i + 1 === n) offsetMinutes = 0;
  else if ((sign === 43 || sign === 45) && i + 6 === n && text.charCodeAt(i + 3) === 58) {
    const oh = two(text, i + 1);
    const om = two(text, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = (oh * 60 + om) * (sign === 45 ? -1 : 1);
  } else return undefined;
  const ms = ((monthStartDay(year, month) + day - 1) * 24 * 60 + hour * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
  return ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS ? undefined : ms;
}

function instantParts(text: string): { ms?: number; problem?: string } {
  const quick = fastInstant(text);
  if (quick !== undefined) return { ms: quick };
  const m = INSTANT_RE.exec(text);
  if (!m) {
    return { problem: 'must be an ISO 8601 date-time with an offset, e.g. 2025-09-30T16:00:00+08:00' };
  }
  const offset = m[8];
  if (offset === undefined) {
    return { problem: 'is a naive date-time (no offset); add the offset, e.g. +08:00 or Z' };
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (!validParts(year, month, day)) return { problem: `${text.slice(0, 10)} is not a date in the calendar` };
  if (hour > 23 || minute > 59 || second > 59) return { problem: 'has an impossible time of day' };
  let offsetMs = 0;
  if (offset !== 'Z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) return { problem: 'has an impossible offset' };
    offsetMs = (oh * 60 + om) * 60_000 * (offset[0] === '-' ? -1 : 1);
  }
  const ms =
    Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(fraction * 1000) - offsetMs;
  if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) {
    return { problem: 'must lie between 1992-01-01 and 2199-12-31 (Asia/Shanghai)' };
  }
  return { ms };
}

/** Days since 1970-01-01 of a civil date. */
export function dayNumber(parts: CivilDateParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day) / DAY_MS;
}

/** The civil date of a day number (days since 1970-01-01). */
export function fromDayNumber(n: number): CivilDateParts {
  // Howard Hinnant's civil_from_days: plain arithmetic, no Date object.
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** A civil date as the number `YYYYMMDD`, the form of the `caseDate` fact rules are dated by. */
export function civilDateNumber(parts: CivilDateParts): number {
  return parts.year * 10_000 + parts.month * 100 + parts.day;
}

/** Formats civil date parts as `YYYY-MM-DD`. */
export function formatCivilDate(parts: CivilDateParts): string {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/** The Asia/Shanghai day number (days since 1970-01-01) of an instant. */
export function shanghaiDayNumber(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/**
 * The civil date in Asia/Shanghai of an instant, whatever the host `TZ`.
 *
 * @example shanghaiDate(parseInstant('2025-09-30T16:00:00Z')!) // '2025-10-01'
 */
export function shanghaiDate(ms: number): string {
  return formatCivilDate(fromDayNumber(shanghaiDayNumber(ms)));
}

/** Formats an instant as ISO 8601 with the Asia/Shanghai offset `+08:00`. */
export function formatShanghaiInstant(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const millis = d.getUTCMilliseconds();
  return `${base}${millis ? `.${pad(millis, 3)}` : ''}+08:00`;
}

/**
 * Adds whole calendar months to a civil date; when the target month has no
 * corresponding day, the month's last day is used (civil-code art. 202).
 *
 * @example addMonths({ year: 2024, month: 2, day: 29 }, 12) // 2025-02-28
 */
export function addMonths(parts: CivilDateParts, months: number): CivilDateParts {
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(parts.day, daysInMonth(year, month)) };
}

/** Compares two civil dates: negative, zero or positive. */
export function compareCivilDates(a: CivilDateParts, b: CivilDateParts): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
