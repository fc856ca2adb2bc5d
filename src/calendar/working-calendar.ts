/**
 * A working-day calendar built from a validated calendar file: answers, for
 * each covered civil day, whether it is a working day and why; refuses every
 * other day with a {@link CalendarCoverageError}.
 */
import { sha256 } from '@noble/hashes/sha2';
import { z } from 'zod';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { CalendarFile, type CalendarNotice } from './calendar-file.js';
import { CalendarError, pointerOf } from './calendar-error.js';
import { CalendarCoverageError } from './coverage-error.js';
import { dayNumber, formatCivilDate, fromDayNumber, parseCivilDate } from '../time/civil.js';

/** What a covered day is. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/** One covered day as the calendar sees it. */
export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly kind: DayKind;
  /** For holidays and make-up working days: the holiday's name and the notices that set it. */
  readonly holiday?: { readonly zh: string; readonly en: string };
  readonly notices?: readonly CalendarNotice[];
}

/**
 * Which calendar judged a case, as every result of a check that counts
 * working days reports it (`result.calendar`): enough to tell the shipped
 * calendar from a user's and to reproduce the run.
 */
export const CalendarRef = z.object({
  id: z.string(),
  version: z.string(),
  /** SHA-256 of the calendar's validated data: equal hashes, equal calendars. */
  hash: z.string(),
  /** True when a shipped calendar was extended with a user's years ({@link extendCalendar}). */
  extended: z.boolean(),
  /** Shipped years the user's years replaced (empty when none). */
  replacedYears: z.array(z.number().int()),
  /** First and last covered day, `YYYY-MM-DD`. */
  coverage: z.object({ from: z.string(), to: z.string() }),
});
export type CalendarRef = z.infer<typeof CalendarRef>;

/** A working-day calendar (China mainland: {@link CN_MAINLAND_CALENDAR}). */
export interface WorkingCalendar extends Readonly<Omit<CalendarRef, 'replacedYears' | 'coverage'>> {
  readonly replacedYears: readonly number[];
  /** First and last covered day, `YYYY-MM-DD`. */
  readonly coverage: { readonly from: string; readonly to: string };
  /** For an extended calendar: the shipped calendar it builds on. */
  readonly base?: { readonly id: string; readonly version: string; readonly hash: string };
  /** Years added beyond the base calendar's (empty unless extended). */
  readonly addedYears: readonly number[];
  /** The validated calendar data it was built from (for an extended calendar: the merged years). */
  readonly file: CalendarFile;
  /** Whether a civil day (`YYYY-MM-DD`) is a working day; throws {@link CalendarCoverageError} outside the coverage. */
  isWorkingDay(date: string): boolean;
  /** The same by day number (days since 1970-01-01). */
  isWorkingDayNumber(day: number): boolean;
  /** What the day is and which notice says so; throws outside the coverage. */
  describe(date: string): DayInfo;
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** How a calendar came to be: shipped or loaded whole, or a base extended with a user's years. */
export interface CalendarProvenance {
  readonly base?: { readonly id: string; readonly version: string; readonly hash: string };
  readonly replacedYears?: readonly number[];
  readonly addedYears?: readonly number[];
}

/** Validates calendar data; throws {@link CalendarError} naming each problem's place. */
export function parseCalendarFile(data: unknown): CalendarFile {
  const parsed = CalendarFile.safeParse(data);
  if (!parsed.success) {
    throw new CalendarError(parsed.error.issues.map((i) => ({ pointer: pointerOf(i.path), message: i.message })));
  }
  return parsed.data;
}

/** The calendar's fingerprint: SHA-256 of its validated data (the schema fixes the key order). */
function calendarHash(file: CalendarFile): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(file))));
}

/** Builds a calendar from validated data. */
export function buildWorkingCalendar(file: CalendarFile, provenance: CalendarProvenance = {}): WorkingCalendar {
  const first = dayNumber(parseCivilDate(file.coverage.from)!);
  const last = dayNumber(parseCivilDate(file.coverage.to)!);
  const special = new Map<number, { kind: 'holiday' | 'makeup-workday'; name: { zh: string; en: string }; notices: CalendarNotice[] }>();
  for (const year of file.years) {
    for (const h of year.holidays) {
      const notices = year.notices.filter((n) => h.notices.includes(n.id));
      const to = dayNumber(parseCivilDate(h.to)!);
      for (let n = dayNumber(parseCivilDate(h.from)!); n <= to; n++) special.set(n, { kind: 'holiday', name: h.name, notices });
      for (const d of h.makeupWorkdays) special.set(dayNumber(parseCivilDate(d)!), { kind: 'makeup-workday', name: h.name, notices });
    }
  }
  const coverage = Object.freeze({ from: file.coverage.from, to: file.coverage.to });
  const check = (day: number) => {
    if (day < first || day > last) throw new CalendarCoverageError(file.id, formatCivilDate(fromDayNumber(day)), coverage);
  };
  const isWorkingDayNumber = (day: number): boolean => {
    check(day);
    const s = special.get(day);
    if (s) return s.kind === 'makeup-workday';
    const wd = weekdayOf(day);
    return wd >= 1 && wd <= 5;
  };
  const toDay = (date: string): number => {
    const parts = parseCivilDate(date);
    if (!parts) throw new TypeError(`"${date}" is not a civil date YYYY-MM-DD`);
    return dayNumber(parts);
  };
  return {
    id: file.id,
    version: file.version,
    hash: calendarHash(file),
    extended: provenance.base !== undefined,
    replacedYears: Object.freeze([...(provenance.replacedYears ?? [])]),
    addedYears: Object.freeze([...(provenance.addedYears ?? [])]),
    ...(provenance.base ? { base: Object.freeze({ ...provenance.base }) } : {}),
    coverage,
    file,
    isWorkingDayNumber,
    isWorkingDay: (date) => isWorkingDayNumber(toDay(date)),
    describe(date) {
      const day = toDay(date);
      check(day);
      const s = special.get(day);
      if (s) return { date, working: s.kind === 'makeup-workday', kind: s.kind, holiday: s.name, notices: s.notices };
      const wd = weekdayOf(day);
      return wd >= 1 && wd <= 5 ? { date, working: true, kind: 'workday' } : { date, working: false, kind: 'weekend' };
    },
  };
}

/**
 * Validates a whole calendar file and builds the calendar. Throws a
 * {@link CalendarError} listing every problem when the file is malformed or
 * inconsistent (a make-up day that is not a weekend day, a holiday outside
 * the coverage, a gap between years…). {@link loadCalendar} also takes the
 * `{ "extends": "cn-mainland", "years": [...] }` form.
 *
 * @example
 * const cal = createWorkingCalendar(JSON.parse(readFileSync('my-calendar.json', 'utf8')))
 * cal.isWorkingDay('2025-10-11') // true: a make-up Saturday
 */
export function createWorkingCalendar(data: unknown): WorkingCalendar {
  return buildWorkingCalendar(parseCalendarFile(data));
}

/**
 * The trail a result carries: id, version, hash, whether it was extended,
 * the shipped years it replaced, and its coverage.
 *
 * @example calendarRef(CN_MAINLAND_CALENDAR) // { id: 'cn-mainland', version: '2026.2.0', hash: '…', extended: false, replacedYears: [], coverage: { … } }
 */
export function calendarRef(calendar: WorkingCalendar): CalendarRef {
  return {
    id: calendar.id,
    version: calendar.version,
    hash: calendar.hash,
    extended: calendar.extended,
    replacedYears: [...calendar.replacedYears],
    coverage: { from: calendar.coverage.from, to: calendar.coverage.to },
  };
}
