import { CalendarExtension } from './calendar-file.js';
import { CalendarError, pointerOf } from './calendar-error.js';
import { extendCalendar } from './extend-calendar.js';
import { type WorkingCalendar, createWorkingCalendar } from './working-calendar.js';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Loads a calendar from parsed JSON, as `--calendar FILE`, a fixture's
 * `calendar` and `icr.config.json` give it: either a whole calendar file (the
 * format of `rules/calendars/cn-mainland.json`) or a shipped calendar
 * extended with your years, `{ "extends": "cn-mainland", "years": [ … ] }`
 * (see {@link extendCalendar}). Validated, never executed; throws
 * {@link CalendarError} with a JSON pointer for each problem.
 *
 * @example
 * const calendar = loadCalendar(JSON.parse(readFileSync('calendar-2027.json', 'utf8')))
 * checkDeadlines(claim, { asOf: '2027-01-20T09:00:00+08:00', calendar })
 */
export function loadCalendar(json: unknown): WorkingCalendar {
  if (!isObject(json)) throw new CalendarError([{ pointer: '', message: 'a calendar is a JSON object: a whole calendar file, or { "extends": "cn-mainland", "years": [ … ] }' }]);
  if (!('extends' in json)) return createWorkingCalendar(json);
  const parsed = CalendarExtension.safeParse(json);
  if (!parsed.success) throw new CalendarError(parsed.error.issues.map((i) => ({ pointer: pointerOf(i.path), message: i.message })));
  return extendCalendar(parsed.data.extends, parsed.data.years);
}
