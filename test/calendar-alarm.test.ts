/**
 * The alarm that keeps the working-day calendar from running out unnoticed
 * is a command, `icr calendar --min-days N`, that a scheduled job and the
 * release gate run (docs/calendar.md). No test reads today's date: every
 * "today" here is derived from the calendar's own coverage, so the outcome
 * depends on the commit alone, never on the day the suite runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CN_MAINLAND_CALENDAR, coverageRunway, extendCalendar } from '../src/index.js';
import { COVERAGE, FIRST_UNCOVERED_YEAR, hypotheticalYear } from './support/calendar.js';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'icr-calendar-'));
const icr = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, 'calendar', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
/** Days in a year of the Gregorian calendar. */
const daysIn = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
/** The civil date `days` days before `date`, computed without the library. */
const before = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('coverageRunway', () => {
  it('counts the days of coverage left after a given day: 0 on the last, negative after', () => {
    expect(coverageRunway(COVERAGE.to)).toBe(0);
    expect(coverageRunway(before(COVERAGE.to, 30))).toBe(30);
    expect(coverageRunway(`${FIRST_UNCOVERED_YEAR}-01-01`)).toBe(-1);
    expect(coverageRunway(before(COVERAGE.to, 365))).toBe(365);
  });
  it('counts on the calendar it is given', () => {
    const longer = extendCalendar(CN_MAINLAND_CALENDAR, [hypotheticalYear(FIRST_UNCOVERED_YEAR)]);
    expect(coverageRunway(COVERAGE.to, longer)).toBe(Date.UTC(FIRST_UNCOVERED_YEAR, 11, 31) / 86_400_000 - Date.parse(`${COVERAGE.to}T00:00:00Z`) / 86_400_000);
  });
});

describe('icr calendar', () => {
  it('prints the id, version, hash, coverage, each year with its notices, and the days left', () => {
    const today = before(COVERAGE.to, 100);
    const r = icr(['--today', today]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`cn-mainland ${CN_MAINLAND_CALENDAR.version}  sha256 ${CN_MAINLAND_CALENDAR.hash}`);
    expect(r.stdout).toContain(`coverage ${COVERAGE.from} to ${COVERAGE.to}`);
    expect(r.stdout).toContain(`100 days of coverage left after ${today}`);
    for (const y of CN_MAINLAND_CALENDAR.file.years) {
      for (const n of y.notices) expect(r.stdout, `${y.year} ${n.id}`).toContain(n.url);
    }
  });
  it('exits 0 while at least --min-days days are left, 1 once fewer are, and says what to add', () => {
    expect(icr(['--today', before(COVERAGE.to, 30), '--min-days', '30']).code).toBe(0);
    const short = icr(['--today', before(COVERAGE.to, 29), '--min-days', '30']);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain(`ends ${COVERAGE.to}, 29 day(s) after`);
    expect(short.stderr).toContain(`国务院办公厅关于${FIRST_UNCOVERED_YEAR}年部分节假日安排的通知`);
    expect(short.stderr).toContain('--calendar');
    const past = icr(['--today', `${FIRST_UNCOVERED_YEAR}-03-01`, '--min-days', '0']);
    expect(past.code).toBe(1);
    expect(past.stdout).toMatch(/coverage ended \d+ days before/);
  });
  it('writes JSON for scripts', () => {
    const today = before(COVERAGE.to, 10);
    const r = icr(['--today', today, '--min-days', '45', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ id: 'cn-mainland', version: CN_MAINLAND_CALENDAR.version, hash: CN_MAINLAND_CALENDAR.hash, extended: false, coverage: COVERAGE, today, daysLeft: 10, minDays: 45, ok: false });
    expect(out.years.map((y: { year: number }) => y.year)).toEqual(CN_MAINLAND_CALENDAR.file.years.map((y) => y.year));
  });
  it('inspects a user calendar that extends the shipped one, and counts the days left on it', () => {
    const file = join(dir, 'next-year.json');
    writeFileSync(file, JSON.stringify({ extends: 'cn-mainland', years: [hypotheticalYear(FIRST_UNCOVERED_YEAR)] }));
    const r = icr(['--calendar', file, '--today', before(COVERAGE.to, 10), '--min-days', '45', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ extended: true, replacedYears: [], addedYears: [FIRST_UNCOVERED_YEAR], base: { id: 'cn-mainland', hash: CN_MAINLAND_CALENDAR.hash }, daysLeft: 10 + daysIn(FIRST_UNCOVERED_YEAR) });
    expect(out.years.at(-1)).toMatchObject({ year: FIRST_UNCOVERED_YEAR, origin: 'added' });
  });
  it('refuses unusable arguments and invalid calendars with exit 2', () => {
    expect(icr(['--today', '2026-02-30']).code).toBe(2);
    expect(icr(['--min-days', 'ten']).code).toBe(2);
    expect(icr(['--format', 'xml']).code).toBe(2);
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ extends: 'cn-mainland', years: [{ ...hypotheticalYear(FIRST_UNCOVERED_YEAR), year: 'next' }] }));
    const r = icr(['--calendar', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json#/years/0/year:');
  });
});
