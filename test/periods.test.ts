import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../src/time/age.js';
import { type CivilDateParts, formatCivilDate, parseCivilDate } from '../src/time/civil.js';
import { addYearsPeriod, nextDay } from '../src/time/periods.js';

const d = (text: string): CivilDateParts => parseCivilDate(text)!;
const lastDay = (trigger: string, years: number) => formatCivilDate(addYearsPeriod(d(trigger), years));

describe('addYearsPeriod (civil-code arts. 201–202)', () => {
  it.each([
    // trigger, years, last day of the period
    ['2019-03-31', 5, '2024-03-31'], // the corresponding day
    ['2024-03-10', 5, '2029-03-10'],
    ['2024-02-29', 5, '2029-02-28'], // no 29 February in 2029: the month's last day
    ['2024-02-29', 4, '2028-02-29'], // a leap year again: the corresponding day exists
    ['2024-02-29', 10, '2034-02-28'],
    ['2016-02-29', 10, '2026-02-28'],
    ['2024-02-29', 2, '2026-02-28'],
    ['2023-02-28', 1, '2024-02-28'], // 28 February is its own corresponding day, even in a leap year
    ['2024-02-28', 1, '2025-02-28'],
    ['2018-12-31', 5, '2023-12-31'],
    ['2000-02-29', 100, '2100-02-28'], // 2100 is not a leap year
    ['1996-02-29', 4, '2000-02-29'], // 2000 is
  ])('a %s trigger plus %i years ends on %s', (trigger, years, expected) => {
    expect(lastDay(trigger, years)).toBe(expected);
  });

  it('never shortens a period: the last day is after the trigger and in the right year', () => {
    expect(lastDay('2024-02-29', 1)).toBe('2025-02-28');
    expect(lastDay('2024-02-29', 0)).toBe('2024-02-29');
  });

  it('rejects fractional or negative years', () => {
    expect(() => addYearsPeriod(d('2024-01-01'), 1.5)).toThrow(RangeError);
    expect(() => addYearsPeriod(d('2024-01-01'), -1)).toThrow(RangeError);
  });
});

const civilDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()) }));

/** The same rule written differently: let Date roll an impossible day over, and step back to the month's end when it does. */
function independentLastDay(t: CivilDateParts, years: number): string {
  const rolled = new Date(Date.UTC(t.year + years, t.month - 1, t.day));
  const end = rolled.getUTCMonth() === t.month - 1 ? rolled : new Date(Date.UTC(t.year + years, t.month, 0));
  return end.toISOString().slice(0, 10);
}

describe('addYearsPeriod, properties', () => {
  it('agrees with an independent formulation for every date from 1900 to 2199 and periods up to 100 years', () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: 0, max: 100 }), (t, years) => {
        expect(formatCivilDate(addYearsPeriod(t, years))).toBe(independentLastDay(t, years));
      }),
      { numRuns: 5000 },
    );
  });

  it('ends on the first day on which N full years have passed (29 February reaches them on 28 February)', () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: 1, max: 100 }), (t, years) => {
        const last = addYearsPeriod(t, years);
        expect(ageOn(t, last)).toBe(years);
        const dayBefore = new Date(Date.UTC(last.year, last.month - 1, last.day - 1));
        const before = { year: dayBefore.getUTCFullYear(), month: dayBefore.getUTCMonth() + 1, day: dayBefore.getUTCDate() };
        expect(ageOn(t, before)).toBe(years - 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('nextDay steps exactly one calendar day', () => {
    fc.assert(
      fc.property(civilDate, (t) => {
        const n = nextDay(t);
        expect(Date.UTC(n.year, n.month - 1, n.day) - Date.UTC(t.year, t.month - 1, t.day)).toBe(86_400_000);
      }),
    );
  });
});
