import { z } from 'zod';
import { CalendarYear, type CalendarFile } from './calendar-file.js';
import { CalendarError, type CalendarIssue, pointerOf } from './calendar-error.js';
import { CN_MAINLAND_CALENDAR } from './cn-mainland.js';
import { type WorkingCalendar, buildWorkingCalendar, parseCalendarFile } from './working-calendar.js';

/** The calendars that ship with the library, by id. */
const SHIPPED: Readonly<Record<string, WorkingCalendar>> = { 'cn-mainland': CN_MAINLAND_CALENDAR };

/** A shipped calendar by id; `undefined` for an unknown id. */
export function shippedCalendar(id: string): WorkingCalendar | undefined {
  return Object.prototype.hasOwnProperty.call(SHIPPED, id) ? SHIPPED[id] : undefined;
}

const Years = z.array(CalendarYear).min(1, 'give at least one year').max(300);

/**
 * A calendar that answers like `base` and also for the years given: each
 * year, in the format of the shipped file (`rules/calendars/cn-mainland.json`,
 * see docs/calendar.md), is added — or replaces the base's year of the same
 * number, which results then list in `calendar.replacedYears`. Years must stay
 * consecutive; the result is validated like a whole calendar file. Use it for
 * next year's State Council notice before the library ships it.
 *
 * Throws {@link CalendarError} whose issues point into `years`
 * (`/years/0/holidays/1/from`), or at `/extends` for an unknown base id.
 *
 * @example
 * const calendar = extendCalendar('cn-mainland', [{ year: 2027, textStatus: 'secondary', notices: [ … ], holidays: [ … ] }])
 * calendar.coverage.to // '2027-12-31'
 * checkDeadlines(claim, { asOf, calendar }).calendar // { id: 'cn-mainland', extended: true, replacedYears: [], … }
 */
export function extendCalendar(base: WorkingCalendar | string, years: readonly unknown[]): WorkingCalendar {
  const baseCalendar = typeof base === 'string' ? shippedCalendar(base) : base;
  if (!baseCalendar) {
    throw new CalendarError([{ pointer: '/extends', message: `no shipped calendar is called "${String(base)}"; the shipped one is cn-mainland` }]);
  }
  const parsed = Years.safeParse(years);
  if (!parsed.success) {
    throw new CalendarError(parsed.error.issues.map((i) => ({ pointer: pointerOf(['years', ...i.path]), message: i.message })));
  }
  const given = parsed.data;
  const seen = new Map<number, number>();
  const duplicates: CalendarIssue[] = [];
  given.forEach((y, i) => {
    if (seen.has(y.year)) duplicates.push({ pointer: `/years/${i}/year`, message: `${y.year} is given twice (also at /years/${seen.get(y.year)})` });
    seen.set(y.year, i);
  });
  if (duplicates.length) throw new CalendarError(duplicates);

  const baseYears = new Set(baseCalendar.file.years.map((y) => y.year));
  const replacedYears = given.filter((y) => baseYears.has(y.year)).map((y) => y.year).sort((a, b) => a - b);
  const addedYears = given.filter((y) => !baseYears.has(y.year)).map((y) => y.year).sort((a, b) => a - b);
  const merged = [...baseCalendar.file.years.filter((y) => !seen.has(y.year)), ...given].sort((a, b) => a.year - b.year);
  const file: CalendarFile = {
    ...baseCalendar.file,
    coverage: { from: `${merged[0]!.year}-01-01`, to: `${merged[merged.length - 1]!.year}-12-31` },
    years: merged,
  };
  let validated: CalendarFile;
  try {
    validated = parseCalendarFile(file);
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    // Point into the user's years where the problem lies in one of them; otherwise say which base year.
    throw new CalendarError(
      e.issues.map((issue) => {
        const m = /^\/years\/(\d+)(\/.*)?$/.exec(issue.pointer);
        if (!m) return issue;
        const year = merged[Number(m[1])]!.year;
        const mine = seen.get(year);
        return mine !== undefined
          ? { pointer: `/years/${mine}${m[2] ?? ''}`, message: issue.message }
          : { pointer: '/years', message: `${issue.message} (in ${baseCalendar.id}'s own year ${year})` };
      }),
    );
  }
  // Replaced and added are counted against the shipped calendar, also when extending an extension.
  const userYears = new Set(baseCalendar.addedYears);
  const byNumber = (a: number, b: number) => a - b;
  return buildWorkingCalendar(validated, {
    base: baseCalendar.base ?? { id: baseCalendar.id, version: baseCalendar.version, hash: baseCalendar.hash },
    replacedYears: [...new Set([...baseCalendar.replacedYears, ...replacedYears.filter((y) => !userYears.has(y))])].sort(byNumber),
    addedYears: [...new Set([...baseCalendar.addedYears, ...addedYears])].sort(byNumber),
  });
}
