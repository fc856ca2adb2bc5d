/**
 * How each unit is counted (SPEC §6), with the worked examples of
 * docs/deadlines.md: the start day is not counted, day periods end at 24:00
 * of their last day, working days follow the official calendar, roll-forward
 * happens only when asked, hours are elapsed time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CN_MAINLAND_CALENDAR,
  CalendarCoverageError,
  addCalendarDays,
  addHours,
  addWorkingDays,
  rollForwardToWorkingDay,
  shanghaiDayEnd,
} from '../src/index.js';
import { COVERAGE, FIRST_UNCOVERED_YEAR, LAST_YEAR_BEFORE } from './support/calendar.js';
import { formatShanghaiInstant, parseInstant } from '../src/time/civil.js';

const at = (s: string) => parseInstant(s)!;
const iso = (ms: number) => formatShanghaiInstant(ms);
const H = 3_600_000;

describe('calendar days', () => {
  it('do not count the start day and include holidays (worked example: 15 days from 30 September 2025)', () => {
    expect(addCalendarDays('2025-09-30', 15)).toBe('2025-10-15');
    expect(addCalendarDays('2025-09-30', 1)).toBe('2025-10-01');
    expect(addCalendarDays('2026-01-20', 30)).toBe('2026-02-19');
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
  });
  it('skip the days a rule excludes (worked example: mediation 12–15 February 2026)', () => {
    const mediation = new Set(['2026-02-12', '2026-02-13', '2026-02-14', '2026-02-15']);
    expect(addCalendarDays('2026-02-10', 15)).toBe('2026-02-25');
    expect(addCalendarDays('2026-02-10', 15, { skip: (d) => mediation.has(d) })).toBe('2026-03-01');
  });
  it('need no calendar, so they work in any year', () => {
    expect(addCalendarDays('2030-12-20', 15)).toBe('2031-01-04');
  });
});

describe('rolling a last day forward (only where a rule says so)', () => {
  it('moves a holiday or weekend to the next working day and leaves working days alone', () => {
    expect(rollForwardToWorkingDay('2025-10-01')).toBe('2025-10-09'); // National Day 2025
    expect(rollForwardToWorkingDay('2026-02-19')).toBe('2026-02-24'); // Spring Festival 2026
    expect(rollForwardToWorkingDay('2026-03-07')).toBe('2026-03-09'); // an ordinary Saturday
    expect(rollForwardToWorkingDay('2025-10-11')).toBe('2025-10-11'); // make-up working Saturday
    expect(rollForwardToWorkingDay('2025-09-28')).toBe('2025-09-28'); // make-up working Sunday
  });
  it('refuses when the next working day is beyond the calendar', () => {
    expect(() => rollForwardToWorkingDay(COVERAGE.to)).not.toThrow();
    expect(() => rollForwardToWorkingDay(`${FIRST_UNCOVERED_YEAR}-01-02`)).toThrow(CalendarCoverageError);
  });
});

describe('working days', () => {
  it('skip the National Day holiday and count the make-up Saturday (worked example from 30 September 2025)', () => {
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 2)).toBe('2025-10-10');
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(addWorkingDays('2025-09-30', 7)).toBe('2025-10-16');
    expect(addWorkingDays('2025-09-30', 10)).toBe('2025-10-21');
  });
  it('count a make-up Sunday before National Day (from Friday 26 September 2025)', () => {
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
  });
  it('cross the Spring Festival 2026 with its two make-up Saturdays (worked example from 13 February 2026)', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
    expect(addWorkingDays('2026-01-30', 30)).toBe('2026-03-19');
  });
  it('do not count the start day even when it is a working day, nor need it to be one', () => {
    expect(addWorkingDays('2025-10-11', 1)).toBe('2025-10-13');
    expect(addWorkingDays('2025-10-04', 1)).toBe('2025-10-09');
  });
  it('skip working days a rule excludes (a medical examination on 15 and 16 October 2025)', () => {
    const exam = new Set(['2025-10-15', '2025-10-16']);
    expect(addWorkingDays('2025-10-13', 5)).toBe('2025-10-20');
    expect(addWorkingDays('2025-10-13', 5, { skip: (d) => exam.has(d) })).toBe('2025-10-22');
  });
  it('fail with CalendarCoverageError, never a Monday–Friday guess, outside the coverage', () => {
    // 29–31 December of the last covered year hold at most three working days: a fifth after the 28th needs the next year.
    const last = FIRST_UNCOVERED_YEAR - 1;
    expect(() => addWorkingDays(`${last}-12-27`, 1)).not.toThrow();
    expect(() => addWorkingDays(`${last}-12-28`, 5)).toThrow(CalendarCoverageError);
    expect(() => addWorkingDays(`${LAST_YEAR_BEFORE}-12-20`, 2)).toThrow(new RegExp(`${LAST_YEAR_BEFORE}-12-21 is outside`));
  });
  it('always end on a working day with exactly n working days after the start (property)', () => {
    const from = Date.UTC(2020, 0, 1);
    const to = Date.UTC(2026, 9, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 40 }), (ms, n) => {
        const start = new Date(ms).toISOString().slice(0, 10);
        const end = addWorkingDays(start, n);
        expect(CN_MAINLAND_CALENDAR.isWorkingDay(end)).toBe(true);
        let count = 0;
        for (let d = addCalendarDays(start, 1); d <= end; d = addCalendarDays(d, 1)) if (CN_MAINLAND_CALENDAR.isWorkingDay(d)) count += 1;
        expect(count).toBe(n);
        expect(addWorkingDays(start, n + 1) > end).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the end of a day-based period', () => {
  it('is 24:00 of the last day in Asia/Shanghai, reported as its last millisecond', () => {
    expect(iso(shanghaiDayEnd('2025-10-09'))).toBe('2025-10-09T23:59:59.999+08:00');
    expect(shanghaiDayEnd('2025-10-09') + 1).toBe(at('2025-10-10T00:00:00+08:00'));
    expect(shanghaiDayEnd('2025-10-09')).toBe(at('2025-10-09T15:59:59.999Z'));
  });
});

describe('hours', () => {
  it('are elapsed time through nights, weekends and holidays (worked example: 24 hours from 18:00 on 30 September 2025)', () => {
    expect(iso(addHours(at('2025-09-30T18:00:00+08:00'), 24))).toBe('2025-10-01T18:00:00+08:00');
    expect(iso(addHours(at('2026-02-13T20:00:00+08:00'), 72))).toBe('2026-02-16T20:00:00+08:00');
  });
  it('start at the exact instant, whatever offset it is written with', () => {
    expect(addHours(at('2025-09-30T16:00:00Z'), 24)).toBe(addHours(at('2025-10-01T00:00:00+08:00'), 24));
    expect(iso(addHours(at('2025-09-30T09:00:00-07:00'), 48))).toBe('2025-10-03T00:00:00+08:00');
  });
  it('leave out paused time, extending the end by the overlap', () => {
    const start = at('2025-10-01T00:00:00+08:00');
    expect(addHours(start, 24, [{ from: start + 2 * H, to: start + 5 * H }])).toBe(start + 27 * H);
    // overlapping and touching pauses are merged; pauses after the end change nothing
    expect(addHours(start, 24, [{ from: start + 2 * H, to: start + 5 * H }, { from: start + 4 * H, to: start + 6 * H }, { from: start + 40 * H, to: start + 50 * H }])).toBe(start + 28 * H);
    // a pause that began before the start only counts from the start
    expect(addHours(start, 24, [{ from: start - 5 * H, to: start + 1 * H }])).toBe(start + 25 * H);
    // a pause that begins exactly at the end does not move it
    expect(addHours(start, 24, [{ from: start + 24 * H, to: start + 30 * H }])).toBe(start + 24 * H);
  });
});

describe('input checks', () => {
  it('reject negative or fractional day counts and malformed dates', () => {
    expect(() => addCalendarDays('2025-09-30', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-09-30', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-13-01', 1)).toThrow(/not a civil date/);
    expect(() => addHours(0, -1)).toThrow(RangeError);
  });
});
