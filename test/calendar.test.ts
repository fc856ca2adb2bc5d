/**
 * The working-day calendar is data transcribed from the State Council's
 * notices. It must agree with an independent source for every covered day,
 * refuse every uncovered day, and reject inconsistent data.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CN_MAINLAND_CALENDAR, CalendarCoverageError, createWorkingCalendar } from '../src/index.js';
import { COVERAGE, FIRST_UNCOVERED_YEAR } from './support/calendar.js';

const require = createRequire(import.meta.url);
const calendarJson = () => JSON.parse(readFileSync(new URL('../rules/calendars/cn-mainland.json', import.meta.url), 'utf8'));

/** Every civil date from `from` to `to`, inclusive, computed without the host zone. */
function* days(from: string, to: string): Generator<{ date: string; weekday: number }> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    yield { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() };
  }
}

describe('the mainland China calendar against an independent source', () => {
  it('agrees with the chinese-days package on every covered day, from 2010 on', () => {
    // chinese-days' runtime functions read its tables with the host's local date, so under a host
    // zone west of UTC they answer for the wrong day; its shipped JSON (date-keyed) does not depend
    // on the host zone, and the weekday is computed here in UTC.
    const cd = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
    const disagreements: string[] = [];
    let compared = 0;
    for (const { date, weekday } of days(CN_MAINLAND_CALENDAR.coverage.from, CN_MAINLAND_CALENDAR.coverage.to)) {
      const theirs = date in cd.workdays ? true : weekday >= 1 && weekday <= 5 && !(date in cd.holidays);
      const ours = CN_MAINLAND_CALENDAR.isWorkingDay(date);
      compared += 1;
      if (ours !== theirs) disagreements.push(`${date}: ours ${ours ? 'working' : 'rest'}, chinese-days ${theirs ? 'working' : 'rest'}`);
    }
    // Every day from 1 January 2010 to the end of the coverage (6,209 days to 2026-12-31).
    expect(COVERAGE.from <= '2010-01-01').toBe(true);
    expect(compared).toBe((Date.parse(`${COVERAGE.to}T00:00:00Z`) - Date.parse(`${COVERAGE.from}T00:00:00Z`)) / 86_400_000 + 1);
    expect(compared).toBeGreaterThanOrEqual(6209);
    expect(disagreements).toEqual([]);
  });

  it('agrees with the verified 2025 and 2026 lists of prc-regulations.md §8, day by day', () => {
    const md = readFileSync(new URL('../sources/prc-regulations.md', import.meta.url), 'utf8');
    const section = md.slice(md.indexOf('## 8. Public holidays'), md.indexOf('## 9.'));
    const block = section.slice(section.indexOf('```json') + 7, section.lastIndexOf('```'));
    const lists = JSON.parse(block) as Record<string, { offDays: string[]; makeupWorkdays: string[] }>;
    for (const year of ['2025', '2026']) {
      const { offDays, makeupWorkdays } = lists[year]!;
      for (const { date, weekday } of days(`${year}-01-01`, `${year}-12-31`)) {
        const expected = makeupWorkdays.includes(date) ? true : offDays.includes(date) ? false : weekday >= 1 && weekday <= 5;
        expect(CN_MAINLAND_CALENDAR.isWorkingDay(date), date).toBe(expected);
      }
    }
  });

  it('says which notice makes a day a holiday or a make-up working day', () => {
    expect(CN_MAINLAND_CALENDAR.describe('2025-10-11')).toMatchObject({ working: true, kind: 'makeup-workday', holiday: { en: 'National Day and Mid-Autumn Festival' } });
    expect(CN_MAINLAND_CALENDAR.describe('2025-10-08')).toMatchObject({ working: false, kind: 'holiday' });
    expect(CN_MAINLAND_CALENDAR.describe('2026-02-14').notices?.[0]?.url).toBe('https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm');
    expect(CN_MAINLAND_CALENDAR.describe('2026-03-07')).toEqual({ date: '2026-03-07', working: false, kind: 'weekend' });
    expect(CN_MAINLAND_CALENDAR.describe('2026-03-09')).toEqual({ date: '2026-03-09', working: true, kind: 'workday' });
  });
});

describe('years and notices', () => {
  it('covers every year from 2010 on without a gap and cites a gov.cn notice for every year', () => {
    const file = calendarJson();
    const first = Number(file.coverage.from.slice(0, 4));
    const last = Number(file.coverage.to.slice(0, 4));
    expect(first).toBeLessThanOrEqual(2010);
    expect(last).toBeGreaterThanOrEqual(2026);
    expect(file.years.map((y: { year: number }) => y.year)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    for (const y of file.years) {
      expect(y.notices.length, String(y.year)).toBeGreaterThan(0);
      for (const n of y.notices) {
        expect(n.url).toMatch(/^https?:\/\/www\.gov\.cn\//);
        expect(n.title).toMatch(/^国务院(办公厅)?关于/); // the General Office's yearly notice, or the State Council's own (2015)
        // An unverified document number is never recorded as if it were verified.
        if (!n.numberVerified) expect(n.number).toBeNull();
      }
    }
  });

  it('records the verified document numbers of 2011–2024, and none it could not verify', () => {
    const numbers = calendarJson()
      .years.filter((y: { year: number }) => y.year >= 2010 && y.year <= 2026)
      .flatMap((y: { notices: Array<{ number: string | null }> }) => y.notices.map((n) => n.number));
    expect(numbers).toEqual([
      null, // 2010: 〔2009〕27号 seen only in unofficial reprints
      '国办发明电〔2010〕40号',
      null, // 2012
      null, // 2013
      null, // 2014
      '国办发明电〔2014〕28号',
      null, // 2015 anniversary notice (国发明电〔2015〕1号 in unofficial reprints)
      '国办发明电〔2015〕18号',
      '国办发明电〔2016〕17号',
      '国办发明电〔2017〕12号',
      '国办发明电〔2018〕15号',
      '国办发明电〔2019〕3号',
      '国办发明电〔2019〕16号',
      '国办发明电〔2020〕1号',
      '国办发明电〔2020〕27号',
      '国办发明电〔2021〕11号',
      '国办发明电〔2022〕16号',
      '国办发明电〔2023〕7号',
      null,
      null,
    ]);
  });

  it('treats the 2020 Spring Festival extension as national holidays, cancelling the make-up Saturday of 1 February', () => {
    for (const d of ['2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02']) expect(CN_MAINLAND_CALENDAR.isWorkingDay(d), d).toBe(false);
    expect(CN_MAINLAND_CALENDAR.isWorkingDay('2020-01-19')).toBe(true);
    expect(CN_MAINLAND_CALENDAR.isWorkingDay('2020-02-03')).toBe(true);
  });

  it('keeps holidays a notice sets in the previous year and days it only encourages as working days', () => {
    expect(CN_MAINLAND_CALENDAR.isWorkingDay('2022-12-31')).toBe(false); // 2023 New Year holiday begins on a Saturday anyway
    expect(CN_MAINLAND_CALENDAR.describe('2022-12-31').kind).toBe('holiday');
    expect(CN_MAINLAND_CALENDAR.isWorkingDay('2024-02-09')).toBe(true); // New Year's Eve 2024: rest only encouraged
  });
});

describe('history back to 2010', () => {
  it('encodes the special notices: the 2015 victory anniversary and the 2019 Labour Day change', () => {
    // 国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知: 3–5 September off, Sunday 6 September worked.
    for (const d of ['2015-09-03', '2015-09-04']) expect(CN_MAINLAND_CALENDAR.describe(d)).toMatchObject({ working: false, kind: 'holiday' });
    expect(CN_MAINLAND_CALENDAR.describe('2015-09-06')).toMatchObject({ working: true, kind: 'makeup-workday' });
    // 国办发明电〔2019〕3号 turned a one-day Labour Day into 1–4 May, with Sundays 28 April and 5 May worked.
    for (const d of ['2019-05-02', '2019-05-03']) expect(CN_MAINLAND_CALENDAR.isWorkingDay(d), d).toBe(false);
    for (const d of ['2019-04-28', '2019-05-05']) expect(CN_MAINLAND_CALENDAR.isWorkingDay(d), d).toBe(true);
    expect(CN_MAINLAND_CALENDAR.describe('2019-05-02').notices?.map((n) => n.title)).toContain('国务院办公厅关于调整2019年劳动节假期安排的通知');
  });
  it('keeps days a notice sets in the previous year: 2011-12-31 and 2018-12-29 worked, 2018-12-31 off', () => {
    expect(CN_MAINLAND_CALENDAR.describe('2011-12-31')).toMatchObject({ working: true, kind: 'makeup-workday' });
    expect(CN_MAINLAND_CALENDAR.describe('2018-12-29')).toMatchObject({ working: true, kind: 'makeup-workday' });
    expect(CN_MAINLAND_CALENDAR.describe('2018-12-31')).toMatchObject({ working: false, kind: 'holiday' });
  });
  it('gives a working day only where the notice says so: Mid-Autumn 2015 (a Sunday) had no day in lieu', () => {
    expect(CN_MAINLAND_CALENDAR.isWorkingDay('2015-09-28')).toBe(true);
  });
});

describe('coverage', () => {
  const before = new Date(Date.parse(`${COVERAGE.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  it('refuses every day outside the coverage instead of guessing Monday–Friday', () => {
    for (const d of [before, `${FIRST_UNCOVERED_YEAR}-01-01`, `${FIRST_UNCOVERED_YEAR}-10-01`, `${FIRST_UNCOVERED_YEAR + 3}-01-07`]) {
      expect(() => CN_MAINLAND_CALENDAR.isWorkingDay(d), d).toThrow(CalendarCoverageError);
    }
    expect(() => CN_MAINLAND_CALENDAR.isWorkingDay(COVERAGE.from)).not.toThrow();
    expect(() => CN_MAINLAND_CALENDAR.isWorkingDay(COVERAGE.to)).not.toThrow();
  });

  it('says in the error which day, which coverage and which option supplies a calendar', () => {
    const day = `${FIRST_UNCOVERED_YEAR}-02-08`;
    try {
      CN_MAINLAND_CALENDAR.isWorkingDay(day);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarCoverageError);
      const err = e as CalendarCoverageError;
      expect(err.date).toBe(day);
      expect(err.coverage).toEqual(COVERAGE);
      expect(err.message).toContain(`covers ${COVERAGE.from} to ${COVERAGE.to}, and ${day} is outside it`);
      expect(err.message).toContain(`notice for ${FIRST_UNCOVERED_YEAR}`);
      expect(err.message).toContain('options.calendar');
      expect(err.message).toContain('--calendar');
      // Not a path inside the installed package, which a user cannot edit.
      expect(err.message).not.toContain('rules/calendars');
    }
  });
});

describe('calendar files are validated', () => {
  const broken = (edit: (f: ReturnType<typeof calendarJson>) => void) => {
    const f = calendarJson();
    edit(f);
    return () => createWorkingCalendar(f);
  };
  const year = (f: ReturnType<typeof calendarJson>, y: number) => f.years.find((x: { year: number }) => x.year === y);
  it('accepts the shipped file', () => {
    expect(createWorkingCalendar(calendarJson()).coverage).toEqual(COVERAGE);
  });
  it('rejects a make-up working day that is not a weekend day', () => {
    expect(broken((f) => year(f, 2025).holidays[1].makeupWorkdays.push('2025-02-07'))).toThrow(/2025-02-07 is not a Saturday or Sunday/);
  });
  it('rejects a gap between years and a coverage that does not match the years', () => {
    expect(broken((f) => f.years.splice(2, 1))).toThrow(/consecutive/);
    expect(broken((f) => (f.coverage.to = `${FIRST_UNCOVERED_YEAR}-12-31`))).toThrow(/coverage must run/);
  });
  it('rejects a day that is both a holiday and a make-up working day, and a holiday naming an unknown notice', () => {
    expect(broken((f) => year(f, 2026).holidays[0].makeupWorkdays.push('2026-02-15'))).toThrow(/both a holiday and a make-up working day/);
    expect(broken((f) => (f.years[0].holidays[0].notices = ['gov-1999-1']))).toThrow(/names notice "gov-1999-1"/);
  });
  it('rejects unknown keys', () => {
    expect(broken((f) => (f.years[0].source = 'x'))).toThrow(/invalid working-day calendar/);
  });
});
