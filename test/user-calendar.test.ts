/**
 * Calendars users supply (SPEC §14): the shipped calendar extended with a
 * user's years, or a whole calendar file, through the API, the CLI
 * (`--calendar` on check, test and report) and fixtures (`calendar`); every
 * result names the calendar that counted its working days. The years added
 * here are HYPOTHETICAL test data (1 January their only holiday), derived
 * from the shipped coverage so that shipping a new year breaks nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CN_MAINLAND_CALENDAR,
  CalendarCoverageError,
  CalendarError,
  checkDeadlines,
  extendCalendar,
  loadCalendar,
} from '../src/index.js';
import { runFixtures } from '../src/fixtures/runner.js';
import { COMPLAINT_AS_OF, COVERAGE, FIRST_UNCOVERED_YEAR, complaintInFirstUncoveredYear, hypotheticalYear } from './support/calendar.js';

const Y = FIRST_UNCOVERED_YEAR;
const shippedJson = () => JSON.parse(readFileSync(new URL('../rules/calendars/cn-mainland.json', import.meta.url), 'utf8'));
const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return (e as CalendarError).issues;
  }
  throw new Error('expected a CalendarError');
};

/** A complaint received early in the first uncovered year: its working-day clocks need that year. */
const complaint = complaintInFirstUncoveredYear;
const asOf = COMPLAINT_AS_OF;
const INITIAL_CHECK = 'mkt-service-2025.deadline.complaint-initial-check';

describe('extendCalendar', () => {
  it('adds a year after the coverage: the days of that year are answered, the year after is still refused', () => {
    const cal = extendCalendar('cn-mainland', [hypotheticalYear(Y)]);
    expect(cal).toMatchObject({ id: 'cn-mainland', version: CN_MAINLAND_CALENDAR.version, extended: true, replacedYears: [], addedYears: [Y] });
    expect(cal.base).toEqual({ id: 'cn-mainland', version: CN_MAINLAND_CALENDAR.version, hash: CN_MAINLAND_CALENDAR.hash });
    expect(cal.coverage).toEqual({ from: COVERAGE.from, to: `${Y}-12-31` });
    expect(cal.isWorkingDay(`${Y}-01-01`)).toBe(false);
    expect(cal.describe(`${Y}-01-01`)).toMatchObject({ kind: 'holiday', notices: [{ id: `test-${Y}` }] });
    expect(() => cal.isWorkingDay(`${Y + 1}-01-04`)).toThrow(CalendarCoverageError);
    // The shipped calendar itself is untouched.
    expect(() => CN_MAINLAND_CALENDAR.isWorkingDay(`${Y}-01-04`)).toThrow(CalendarCoverageError);
    // Every shipped day answers as before.
    for (const y of [COVERAGE.from, COVERAGE.to]) expect(cal.isWorkingDay(y)).toBe(CN_MAINLAND_CALENDAR.isWorkingDay(y));
  });

  it('replaces a shipped year and reports it; identical data gives the identical hash', () => {
    const last = CN_MAINLAND_CALENDAR.file.years.at(-1)!;
    const same = extendCalendar(CN_MAINLAND_CALENDAR, [structuredClone(last)]);
    expect(same).toMatchObject({ extended: true, replacedYears: [last.year], addedYears: [] });
    expect(same.hash).toBe(CN_MAINLAND_CALENDAR.hash);

    const replaced = extendCalendar(CN_MAINLAND_CALENDAR, [hypotheticalYear(last.year)]);
    expect(replaced.replacedYears).toEqual([last.year]);
    expect(replaced.hash).not.toBe(CN_MAINLAND_CALENDAR.hash);
    // The shipped holidays of that year no longer exist in the replacement: its own say what is off.
    const shippedHoliday = last.holidays.find((h) => h.from.startsWith(String(last.year)) && h.from !== `${last.year}-01-01`)!;
    const weekday = new Date(`${shippedHoliday.from}T00:00:00Z`).getUTCDay();
    expect(CN_MAINLAND_CALENDAR.isWorkingDay(shippedHoliday.from)).toBe(false);
    expect(replaced.isWorkingDay(shippedHoliday.from)).toBe(weekday >= 1 && weekday <= 5);
  });

  it('extends an extension, counting added and replaced years against the shipped calendar', () => {
    const once = extendCalendar('cn-mainland', [hypotheticalYear(Y)]);
    const twice = extendCalendar(once, [hypotheticalYear(Y + 1), hypotheticalYear(Y)]);
    expect(twice).toMatchObject({ extended: true, addedYears: [Y, Y + 1], replacedYears: [], base: { hash: CN_MAINLAND_CALENDAR.hash } });
    expect(twice.coverage.to).toBe(`${Y + 1}-12-31`);
  });

  it('refuses what it cannot use, pointing into the years given', () => {
    expect(issuesOf(() => extendCalendar('cn-mainlandd', [hypotheticalYear(Y)]))).toEqual([{ pointer: '/extends', message: expect.stringContaining('no shipped calendar is called "cn-mainlandd"') }]);
    expect(issuesOf(() => extendCalendar('cn-mainland', []))[0]!.pointer).toBe('/years');
    // A gap: the year after next without next year.
    expect(issuesOf(() => extendCalendar('cn-mainland', [hypotheticalYear(Y + 1)]))).toContainEqual({ pointer: '/years/0/year', message: `years must be consecutive: ${Y + 1} follows ${Y - 1}` });
    // The same year twice.
    expect(issuesOf(() => extendCalendar('cn-mainland', [hypotheticalYear(Y), hypotheticalYear(Y)]))).toEqual([{ pointer: '/years/1/year', message: `${Y} is given twice (also at /years/0)` }]);
    // A make-up working day that is not a weekend day, named at its place in the user's years.
    const friday = [...Array(7).keys()].map((i) => `${Y}-03-${String(i + 1).padStart(2, '0')}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 5)!;
    const bad = hypotheticalYear(Y);
    bad.holidays[0]!.makeupWorkdays.push(friday);
    expect(issuesOf(() => extendCalendar('cn-mainland', [bad]))).toContainEqual({ pointer: '/years/0/holidays/0/makeupWorkdays/0', message: `${friday} is not a Saturday or Sunday` });
    // A malformed date and an unknown key.
    const malformed = { ...hypotheticalYear(Y), holidays: [{ ...hypotheticalYear(Y).holidays[0]!, to: `${Y}-02-30` }], source: 'x' };
    const issues = issuesOf(() => extendCalendar('cn-mainland', [malformed]));
    expect(issues.map((i) => i.pointer)).toEqual(expect.arrayContaining(['/years/0/holidays/0/to', '/years/0']));
  });
});

describe('loadCalendar', () => {
  it('loads a whole calendar file: the shipped data gives the shipped calendar, whatever the key order', () => {
    const json = shippedJson();
    const reversed = Object.fromEntries(Object.entries(json).reverse());
    expect(loadCalendar(reversed).hash).toBe(CN_MAINLAND_CALENDAR.hash);
    expect(loadCalendar(json)).toMatchObject({ id: 'cn-mainland', extended: false, replacedYears: [], coverage: COVERAGE });
  });
  it('loads { extends, years } as an extension of the shipped calendar', () => {
    const cal = loadCalendar({ $schema: 'whatever', extends: 'cn-mainland', years: [hypotheticalYear(Y)] });
    expect(cal.hash).toBe(extendCalendar('cn-mainland', [hypotheticalYear(Y)]).hash);
    expect(cal.extended).toBe(true);
  });
  it('refuses anything but a calendar, naming the place: never executed, prototype keys refused', () => {
    expect(issuesOf(() => loadCalendar([]))[0]!.pointer).toBe('');
    expect(issuesOf(() => loadCalendar(null))[0]!.pointer).toBe('');
    expect(issuesOf(() => loadCalendar({ extends: 'cn-mainland', years: [hypotheticalYear(Y)], rules: [] }))[0]!.message).toMatch(/rules/);
    const polluted = JSON.parse(`{"extends":"cn-mainland","years":[${JSON.stringify(hypotheticalYear(Y))}],"__proto__":{"polluted":true}}`);
    expect(issuesOf(() => loadCalendar(polluted))[0]!.message).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const whole = shippedJson();
    whole.years[0].holidays[0].from = '2010-13-01';
    expect(issuesOf(() => loadCalendar(whole)).map((i) => i.pointer)).toContain('/years/0/holidays/0/from');
  });
});

describe('checks count on the calendar they are given', () => {
  it('a clock the shipped calendar leaves indeterminate is decided on the extended one', () => {
    const shipped = checkDeadlines(complaint, { asOf });
    expect(shipped.deadlines.find((d) => d.ruleId === INITIAL_CHECK)!.status).toBe('indeterminate');
    const calendar = loadCalendar({ extends: 'cn-mainland', years: [hypotheticalYear(Y)] });
    const extended = checkDeadlines(complaint, { asOf, calendar });
    expect(extended.deadlines.find((d) => d.ruleId === INITIAL_CHECK)!.status).toBe('met');
    expect(extended.calendar).toMatchObject({ extended: true, hash: calendar.hash });
    expect(shipped.calendar).toMatchObject({ extended: false, hash: CN_MAINLAND_CALENDAR.hash });
  });
});

/** A deadline fixture whose clock needs the first uncovered year. */
const fixture = (calendar?: unknown) => ({
  description: `A complaint received in ${Y}, judged on a calendar that covers ${Y}`,
  check: 'deadline',
  asOf,
  rulesets: ['mkt-service-2025'],
  ...(calendar === undefined ? {} : { calendar }),
  input: complaint,
  expect: { deadlines: [{ ruleId: INITIAL_CHECK, status: 'met' }] },
});
const inline = { extends: 'cn-mainland', years: [hypotheticalYear(Y)] };

describe('fixtures name their calendar', () => {

  it('inline, as a path beside the fixture, or from the run; without one the clock stays indeterminate', () => {
    const read = (path: string, from: string) => {
      expect(from).toBe('dir/f.json');
      if (path !== 'calendar.json') throw new Error(`cannot read: ${path}`);
      return inline;
    };
    const report = runFixtures(
      [
        { file: 'dir/f.json', data: fixture(inline) },
        { file: 'dir/f.json', data: fixture('calendar.json') },
      ],
      { readJson: read },
    );
    expect(report.outcomes.map((o) => o.status)).toEqual(['passed', 'passed']);
    expect((report.outcomes[0]!.result as unknown as { calendar: { extended: boolean } }).calendar.extended).toBe(true);
    expect(runFixtures([{ file: 'f.json', data: fixture() }], { calendar: loadCalendar(inline) }).totals.passed).toBe(1);
    const without = runFixtures([{ file: 'f.json', data: fixture() }]);
    expect(without.outcomes[0]!.problems).toEqual([`${INITIAL_CHECK}: status is indeterminate, expected met`]);
  });

  it('a fixture whose calendar is invalid or unreadable is invalid, with the place named', () => {
    const bad = runFixtures([{ file: 'f.json', data: fixture({ extends: 'cn-mainland', years: [{ ...hypotheticalYear(Y), year: 1900 }] }) }]);
    expect(bad.outcomes[0]).toMatchObject({ status: 'invalid', problems: [expect.stringContaining('calendar#/years/0/year:')] });
    const unreadable = runFixtures([{ file: 'f.json', data: fixture('nope.json') }], { readJson: () => { throw new Error('cannot read: ENOENT'); } });
    expect(unreadable.outcomes[0]).toMatchObject({ status: 'invalid', problems: ['calendar nope.json: cannot read: ENOENT'] });
  });
});

describe('--calendar on the CLI', () => {
  const root = new URL('..', import.meta.url).pathname;
  const cli = join(root, 'dist', 'cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'icr-user-calendar-'));
  const icr = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const write = (name: string, data: unknown) => {
    writeFileSync(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2));
    return name;
  };
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    write('next-year.json', { extends: 'cn-mainland', years: [hypotheticalYear(Y)] });
    write('cases.ndjson', `${JSON.stringify(complaint)}\n`);
  });

  it('icr check: the clocks are decided and the summary names the calendar', () => {
    const shipped = icr(['check', 'deadlines', 'cases.ndjson', '--as-of', asOf, '--summary', 'shipped.json']);
    const extended = icr(['check', 'deadlines', 'cases.ndjson', '--as-of', asOf, '--calendar', 'next-year.json', '--summary', 'extended.json']);
    const status = (out: string) => (JSON.parse(out).deadlines as Array<{ ruleId: string; status: string }>).find((d) => d.ruleId === INITIAL_CHECK)!.status;
    expect(status(shipped.stdout)).toBe('indeterminate');
    expect(status(extended.stdout)).toBe('met');
    const summary = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')).summary;
    expect(summary('shipped.json').calendar).toMatchObject({ id: 'cn-mainland', extended: false, hash: CN_MAINLAND_CALENDAR.hash });
    expect(summary('extended.json').calendar).toMatchObject({ id: 'cn-mainland', extended: true, coverage: { to: `${Y}-12-31` } });
    expect(summary('extended.json').clocks.indeterminate).toBe(0);
  });

  it('icr test: a fixture names its calendar file, or the run gives one with --calendar', () => {
    write('with-calendar.json', fixture('next-year.json'));
    write('without-calendar.json', fixture());
    expect(icr(['test', 'with-calendar.json']).code).toBe(0);
    expect(icr(['test', 'without-calendar.json']).code).toBe(1);
    expect(icr(['test', 'without-calendar.json', '--calendar', 'next-year.json']).code).toBe(0);
  });

  it('icr report: the header names the calendar', () => {
    write('without.json', fixture());
    const r = icr(['report', '--html', 'report.html', 'without.json', '--calendar', 'next-year.json']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Working-day calendar');
    expect(html).toContain(`extended, adds ${Y}`);
  });

  it('an invalid or missing calendar file exits 2 and names the place', () => {
    write('broken.json', { extends: 'cn-mainland', years: [{ ...hypotheticalYear(Y), textStatus: 'rumour' }] });
    for (const args of [['check', 'deadlines', 'cases.ndjson', '--as-of', asOf], ['test', 'without.json'], ['report', '--html', 'r.html', 'without.json']]) {
      const r = icr([...args, '--calendar', 'broken.json']);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr, args[0]).toContain('broken.json#/years/0/textStatus:');
      expect(icr([...args, '--calendar', 'absent.json']).code, args[0]).toBe(2);
    }
  });
});
