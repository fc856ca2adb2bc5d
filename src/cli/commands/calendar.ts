import { CN_MAINLAND_CALENDAR } from '../../calendar/cn-mainland.js';
import { coverageRunway } from '../../calendar/coverage-runway.js';
import { calendarRef } from '../../calendar/working-calendar.js';
import { civilDateProblem, shanghaiDate } from '../../time/civil.js';
import { UsageError, calendarFromFile } from '../io.js';

/** Width of the status column: `secondary (replaced)`. */
const WIDTH = 20;

interface CalendarArgs {
  values: { calendar?: string; today?: string; 'min-days'?: string; format?: string };
  positionals: string[];
}

/**
 * `icr calendar`: what the working-day calendar covers and where each year
 * comes from, and how many days of coverage are left after `--today`
 * (default: today in Asia/Shanghai). With `--min-days N`, exit 1 when fewer
 * than N days are left — the alarm a scheduled job and a release gate run
 * (docs/calendar.md). Exit 2 for unusable arguments or an invalid calendar.
 */
export function runCalendar({ values, positionals }: CalendarArgs): number {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
  let minDays: number | undefined;
  if (values['min-days'] !== undefined) {
    if (!/^\d{1,5}$/.test(values['min-days'])) throw new UsageError(`--min-days must be a whole number of days, got "${values['min-days']}"`);
    minDays = Number(values['min-days']);
  }
  // The only clock read: a command may read it (a check never does); --today makes the run reproducible.
  const today = values.today ?? shanghaiDate(Date.now());
  const problem = civilDateProblem(today);
  if (problem) throw new UsageError(`--today ${problem}`);
  const loaded = calendarFromFile(values.calendar);
  if (loaded === null) return 2;
  const calendar = loaded ?? CN_MAINLAND_CALENDAR;
  const daysLeft = coverageRunway(today, calendar);
  const ok = minDays === undefined || daysLeft >= minDays;
  const next = Number(calendar.coverage.to.slice(0, 4)) + 1;
  const years = calendar.file.years.map((y) => ({
    year: y.year,
    textStatus: y.textStatus,
    origin: calendar.addedYears.includes(y.year) ? 'added' : calendar.replacedYears.includes(y.year) ? 'replaced' : 'shipped',
    notices: y.notices.map((n) => ({ id: n.id, title: n.title, number: n.number, issued: n.issued, url: n.url })),
  }));

  if (format === 'json') {
    const out = {
      ...calendarRef(calendar),
      ...(calendar.base ? { base: calendar.base, addedYears: [...calendar.addedYears] } : {}),
      today,
      daysLeft,
      ...(minDays === undefined ? {} : { minDays, ok }),
      years,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const lines = [
      `${calendar.id} ${calendar.version}  sha256 ${calendar.hash}`,
      ...(calendar.base
        ? [
            `extends ${calendar.base.id} ${calendar.base.version} (sha256 ${calendar.base.hash})` +
              `${calendar.addedYears.length ? `; adds ${calendar.addedYears.join(', ')}` : ''}` +
              `${calendar.replacedYears.length ? `; replaces ${calendar.replacedYears.join(', ')}` : ''}`,
          ]
        : []),
      `coverage ${calendar.coverage.from} to ${calendar.coverage.to}`,
      daysLeft >= 0
        ? `${daysLeft} day${daysLeft === 1 ? '' : 's'} of coverage left after ${today} (Asia/Shanghai)`
        : `coverage ended ${-daysLeft} day${daysLeft === -1 ? '' : 's'} before ${today} (Asia/Shanghai)`,
      '',
      `year  ${'status'.padEnd(WIDTH)}  notice`,
      ...years.flatMap((y) =>
        y.notices.map(
          (n, i) =>
            `${i === 0 ? String(y.year) : '    '}  ${i === 0 ? `${y.textStatus}${y.origin === 'shipped' ? '' : ` (${y.origin})`}`.padEnd(WIDTH) : ''.padEnd(WIDTH)}  ` +
            `${n.title}  ${n.number ?? '(number not verified)'}  issued ${n.issued}  ${n.url}`,
        ),
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (!ok) {
    process.stderr.write(
      `icr calendar: coverage of ${calendar.id} ends ${calendar.coverage.to}, ${daysLeft} day(s) after ${today}: fewer than --min-days ${minDays}. ` +
        `Working-day clocks that reach ${next} are indeterminate until a calendar covers it: add the State Council notice for ${next} ` +
        `(国务院办公厅关于${next}年部分节假日安排的通知) — maintainers to rules/calendars/${calendar.id}.json, users with --calendar / extendCalendar (docs/calendar.md).\n`,
    );
    return 1;
  }
  return 0;
}
