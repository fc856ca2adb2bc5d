/**
 * Thrown when a computation needs a day the working-day calendar does not
 * cover. Working days are never guessed as Monday–Friday: the caller either
 * supplies a calendar with the missing year's State Council notice
 * (`options.calendar`, `--calendar`, see {@link extendCalendar}) or gets no
 * answer. `checkDeadlines` turns it into an `indeterminate` clock with this
 * message as the reason.
 *
 * @example
 * try { addWorkingDays('2026-12-28', 5) } catch (e) {
 *   if (e instanceof CalendarCoverageError) console.log(e.date, e.coverage) // '2027-01-01', { from: '2010-01-01', to: '2026-12-31' }
 * }
 */
export class CalendarCoverageError extends Error {
  override readonly name = 'CalendarCoverageError';
  /** The calendar asked. */
  readonly calendarId: string;
  /** The first day asked for that lies outside the coverage, `YYYY-MM-DD`. */
  readonly date: string;
  readonly coverage: { readonly from: string; readonly to: string };
  constructor(calendarId: string, date: string, coverage: { readonly from: string; readonly to: string }) {
    super(
      `the ${calendarId} working-day calendar covers ${coverage.from} to ${coverage.to}, and ${date} is outside it: ` +
        `no working day is guessed outside the official notices. Supply a calendar that covers ${date.slice(0, 4)} — options.calendar = extendCalendar('${calendarId}', years) in the API, ` +
        `--calendar FILE on the command line, "calendar" in a fixture — with the State Council notice for ${date.slice(0, 4)} (docs/calendar.md)`,
    );
    this.calendarId = calendarId;
    this.date = date;
    this.coverage = { from: coverage.from, to: coverage.to };
  }
}
