/** One problem with a calendar file: a JSON pointer into it and a plain sentence. */
export interface CalendarIssue {
  /** RFC 6901 pointer into the calendar JSON, e.g. `/years/0/holidays/2/from`; empty for the whole file. */
  readonly pointer: string;
  readonly message: string;
}

/**
 * Thrown by {@link loadCalendar}, {@link extendCalendar} and
 * {@link createWorkingCalendar} for calendar data that does not validate: a
 * malformed date, a make-up working day that is not a weekend day, a gap
 * between years, an unknown base calendar… `issues` names each place.
 *
 * @example
 * try { loadCalendar(json) } catch (e) {
 *   if (e instanceof CalendarError) for (const i of e.issues) console.log(`#${i.pointer}: ${i.message}`)
 * }
 */
export class CalendarError extends TypeError {
  override readonly name = 'CalendarError';
  readonly issues: readonly CalendarIssue[];
  constructor(issues: readonly CalendarIssue[]) {
    super(
      `invalid working-day calendar: ${issues
        .slice(0, 10)
        .map((i) => `#${i.pointer}: ${i.message}`)
        .join('; ')}${issues.length > 10 ? `; and ${issues.length - 10} more` : ''}`,
    );
    this.issues = issues;
  }
}

/** RFC 6901 pointer of a zod issue path. */
export function pointerOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
