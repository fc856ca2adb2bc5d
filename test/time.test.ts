import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn, monthPeriodIndex } from '../src/time/age.js';
import {
  addMonths,
  dayNumber,
  fromDayNumber,
  formatShanghaiInstant,
  instantProblem,
  parseCivilDate,
  parseInstant,
  shanghaiDate,
} from '../src/time/civil.js';

const d = (s: string) => parseCivilDate(s)!;

describe('instants', () => {
  it('accepts ISO 8601 with Z or an offset and returns epoch milliseconds', () => {
    expect(parseInstant('2025-09-30T16:00:00Z')).toBe(Date.UTC(2025, 8, 30, 16));
    expect(parseInstant('2025-10-01T00:00:00+08:00')).toBe(Date.UTC(2025, 8, 30, 16));
    expect(parseInstant('2025-09-30T08:00:00-08:00')).toBe(Date.UTC(2025, 8, 30, 16));
    expect(parseInstant('2025-09-30T16:00Z')).toBe(Date.UTC(2025, 8, 30, 16));
    expect(parseInstant('2025-09-30T16:00:00.250Z')).toBe(Date.UTC(2025, 8, 30, 16) + 250);
  });
  it('rejects naive date-times with a message saying so', () => {
    expect(parseInstant('2025-09-30T16:00:00')).toBeUndefined();
    expect(instantProblem('2025-09-30T16:00:00')).toMatch(/naive/);
  });
  it('rejects impossible dates, times and offsets', () => {
    for (const s of ['2025-02-29T00:00:00Z', '2025-02-30T00:00:00Z', '2025-13-01T00:00:00Z', '2025-01-01T24:00:00Z', '2025-01-01T10:60:00Z', '2025-01-01T10:00:00+25:00', '2025-01-01 10:00:00Z', '']) {
      expect(parseInstant(s), s).toBeUndefined();
    }
    expect(parseInstant('2024-02-29T00:00:00Z')).toBeDefined();
  });
  it('rejects instants before 1992, when Asia/Shanghai could still observe DST', () => {
    expect(instantProblem('1991-06-01T00:00:00+08:00')).toMatch(/1992/);
  });
});

describe('Asia/Shanghai civil dates', () => {
  it('gives the Shanghai date of an instant whatever the host zone', () => {
    expect(shanghaiDate(parseInstant('2025-09-30T15:59:59Z')!)).toBe('2025-09-30');
    expect(shanghaiDate(parseInstant('2025-09-30T16:00:00Z')!)).toBe('2025-10-01');
    expect(shanghaiDate(parseInstant('2025-10-01T00:00:00-10:00')!)).toBe('2025-10-01');
  });
  it('agrees with the IANA time-zone database for instants from 1992 to 2100', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(shanghaiDate(ms)).toBe(fmt.format(new Date(ms)));
      }),
      { numRuns: 2000 },
    );
  });
  it('formats instants with the +08:00 offset', () => {
    expect(formatShanghaiInstant(parseInstant('2025-09-30T16:00:00Z')!)).toBe('2025-10-01T00:00:00+08:00');
  });
  it('validates civil dates, leap years included', () => {
    expect(parseCivilDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCivilDate('2100-02-29')).toBeUndefined();
    expect(parseCivilDate('2000-02-29')).toBeDefined();
    expect(parseCivilDate('2025-04-31')).toBeUndefined();
    expect(parseCivilDate('2025-4-01')).toBeUndefined();
  });
});

describe('addMonths (civil-code art. 202)', () => {
  it('uses the corresponding day, or the month-end when there is none', () => {
    expect(addMonths(d('2024-02-29'), 12)).toEqual(d('2025-02-28'));
    expect(addMonths(d('2024-02-29'), 48)).toEqual(d('2028-02-29'));
    expect(addMonths(d('2025-01-31'), 1)).toEqual(d('2025-02-28'));
    expect(addMonths(d('2025-03-31'), -1)).toEqual(d('2025-02-28'));
    expect(addMonths(d('2025-12-15'), 1)).toEqual(d('2026-01-15'));
  });
});

describe('ageOn (周岁)', () => {
  it('turns N on the N-th birthday, not the day before', () => {
    expect(ageOn(d('2008-03-02'), d('2026-03-02'))).toBe(18);
    expect(ageOn(d('2008-03-02'), d('2026-03-01'))).toBe(17);
  });
  it('counts a 29 February birthday on 28 February in a common year', () => {
    expect(ageOn(d('2008-02-29'), d('2026-02-27'))).toBe(17);
    expect(ageOn(d('2008-02-29'), d('2026-02-28'))).toBe(18);
    expect(ageOn(d('2008-02-29'), d('2028-02-28'))).toBe(19);
    expect(ageOn(d('2008-02-29'), d('2028-02-29'))).toBe(20);
  });
  it('matches counting whole years by adding years to the birth date', () => {
    const date = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2150, 0, 1)), noInvalidDate: true }).map((x) => ({
      year: x.getUTCFullYear(),
      month: x.getUTCMonth() + 1,
      day: x.getUTCDate(),
    }));
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [birth, on] = a.year * 400 + a.month * 31 + a.day <= b.year * 400 + b.month * 31 + b.day ? [a, b] : [b, a];
        const age = ageOn(birth, on);
        // the age-th anniversary (month-end clamped) is on or before `on`, the next one is after it
        const cmp = (x: typeof on, y: typeof on) => x.year - y.year || x.month - y.month || x.day - y.day;
        expect(cmp(addMonths(birth, 12 * age), on)).toBeLessThanOrEqual(0);
        expect(cmp(addMonths(birth, 12 * (age + 1)), on)).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('monthPeriodIndex (validity periods in months)', () => {
  it('is 12 up to and including the day twelve months on, 13 the day after', () => {
    expect(monthPeriodIndex(d('2025-03-01'), d('2025-03-01'))).toBe(0);
    expect(monthPeriodIndex(d('2025-03-01'), d('2025-03-02'))).toBe(1);
    expect(monthPeriodIndex(d('2025-03-01'), d('2026-03-01'))).toBe(12);
    expect(monthPeriodIndex(d('2025-03-01'), d('2026-03-02'))).toBe(13);
    expect(monthPeriodIndex(d('2024-02-29'), d('2025-02-28'))).toBe(12);
    expect(monthPeriodIndex(d('2024-02-29'), d('2025-03-01'))).toBe(13);
  });
  it('is the least n with `on` no later than from + n months', () => {
    const date = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 0, 1)), noInvalidDate: true }).map((x) => ({
      year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate(),
    }));
    const cmp = (x: { year: number; month: number; day: number }, y: typeof x) => x.year - y.year || x.month - y.month || x.day - y.day;
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [from, on] = cmp(a, b) <= 0 ? [a, b] : [b, a];
        const n = monthPeriodIndex(from, on);
        expect(cmp(on, addMonths(from, n))).toBeLessThanOrEqual(0);
        if (n > 0) expect(cmp(on, addMonths(from, n - 1))).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseInstant fast path', () => {
  it('agrees with Date.parse on every valid shape, offsets and fractions included', () => {
    const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1992, 0, 2), max: Date.UTC(2199, 11, 30) }),
        fc.constantFrom('Z', '+08:00', '-05:00', '+05:45', '-00:00', '+14:00'),
        fc.constantFrom(0, 1, 2, 3, 6, 9),
        fc.boolean(),
        (ms, offset, fractionDigits, withSeconds) => {
          const off = offset === 'Z' ? 0 : (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4))) * (offset[0] === '-' ? -1 : 1);
          const local = new Date(ms + off * 60_000);
          const frac = fractionDigits ? `.${String(local.getUTCMilliseconds()).padStart(3, '0').padEnd(fractionDigits, '7').slice(0, fractionDigits)}` : '';
          const text = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${withSeconds ? `:${pad(local.getUTCSeconds())}${frac}` : ''}${offset}`;
          const expected = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
          expect(parseInstant(text), text).toBe(expected);
          expect(instantProblem(text)).toBeUndefined();
        },
      ),
      { numRuns: 5000, seed: 9 },
    );
  });
  it('rejects near misses the same way as the full parser', () => {
    for (const s of ['2025-02-29T00:00:00Z', '2025-01-01T00:00:00+08', '2025-01-01T00:00:00.Z', '2025-01-01T00:00:60Z', '2025-01-01T00:00:00.1234567890Z', '2025-01-01T00:00:00+0800', '２025-01-01T00:00:00Z', '2025-01-01T00:00:00ZZ']) {
      expect(parseInstant(s), s).toBeUndefined();
      expect(instantProblem(s), s).toBeDefined();
    }
  });
});

describe('day numbers', () => {
  it('fromDayNumber inverts dayNumber and agrees with Date for every day from 1900 to 2200', () => {
    for (let n = Date.UTC(1900, 0, 1) / 86_400_000; n <= Date.UTC(2200, 0, 1) / 86_400_000; n++) {
      const d = new Date(n * 86_400_000);
      const parts = fromDayNumber(n);
      expect(parts.year * 10000 + parts.month * 100 + parts.day).toBe(d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate());
      if (dayNumber(parts) !== n) expect(dayNumber(parts)).toBe(n);
    }
  });
});
