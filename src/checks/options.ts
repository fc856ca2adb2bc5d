import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Rulebook } from '../rulebook/rulebook.js';

/** Options every check takes. */
export interface CheckOptions {
  /** Rulebook to judge by. Default: {@link defaultRulebook}. */
  readonly rulebook?: Rulebook;
  /**
   * The instant the case is judged at (ISO 8601 with offset), echoed in the
   * result. Checks read no clock: when omitted, a check uses the case's own
   * date (e.g. a sale's `signedAt`).
   */
  readonly asOf?: string;
  /**
   * Working-day calendar for the checks that count working days (deadlines).
   * Default: {@link CN_MAINLAND_CALENDAR}. Supply your own, or the shipped one
   * extended with next year's notice, with {@link extendCalendar} or
   * {@link loadCalendar}; results name it in `calendar`.
   */
  readonly calendar?: WorkingCalendar;
}
