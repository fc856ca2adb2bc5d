/**
 * A working-day calendar built from a validated calendar file: answers, for
 * each covered civil day, whether it is a working day and why; refuses every
 * other day with a {@link CalendarCoverageError}.
 */
import { CalendarFile, type CalendarNotice } from './calendar-file.js';
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

/** A working-day calendar (China mainland: {@link CN_MAINLAND_CALENDAR}). */
export interface WorkingCalendar {
  readonly id: string;
  readonly version: string;
  /** First and last covered day, `YYYY-MM-DD`. */
  readonly coverage: { readonly from: string; readonly to: string };
  /** The validated file it was built from. */
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

/**
 * Validates a calendar file and builds the calendar. Throws a `TypeError`
 * listing every problem when the file is malformed or inconsistent (a
 * make-up day that is not a weekend day, a holiday outside the coverage,
 * a gap between years…).
 *
 * @example
 * const cal = createWorkingCalendar(JSON.parse(readFileSync('my-calendar.json', 'utf8')))
 * cal.isWorkingDay('2025-10-11') // true: a make-up Saturday
 */
export function createWorkingCalendar(data: unknown): WorkingCalendar {
  const parsed = CalendarFile.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`);
    throw new TypeError(`invalid working-day calendar: ${issues.slice(0, 10).join('; ')}${issues.length > 10 ? `; and ${issues.length - 10} more` : ''}`);
  }
  const file = parsed.data;
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
  const coverage = { from: file.coverage.from, to: file.coverage.to };
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
