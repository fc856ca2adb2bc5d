/**
 * The zod schema of a working-day calendar file (`rules/calendars/*.json`):
 * every national holiday and make-up working day of the covered years, each
 * year citing the State Council notice(s) it was transcribed from, and an
 * explicit coverage outside which no day is ever guessed.
 */
import { z } from 'zod';
import { civilDateProblem, dayNumber, parseCivilDate } from '../time/civil.js';

/** A civil date `YYYY-MM-DD`. (The calendar sits below the input schemas, so it has its own.) */
const CivilDate = z
  .string()
  .max(10)
  .superRefine((value, ctx) => {
    const problem = civilDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: 'Civil date YYYY-MM-DD', examples: ['2027-01-01'] });

/** A name in Chinese and English. */
const Bilingual = z.strictObject({
  zh: z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
});

/** Id of a calendar (`cn-mainland`) or of a notice (`gov-2022-16`). */
const CalendarId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by single hyphens, e.g. cn-mainland').max(60);

const NoticeId = CalendarId;

/** One official notice (国务院办公厅关于…年部分节假日安排的通知, or an amending notice). */
export const CalendarNotice = z.strictObject({
  /** Referenced by the holiday periods it set. */
  id: NoticeId,
  /** The notice's title, as published. */
  title: z.string().min(4).max(200),
  /** Document number (e.g. 国办发明电〔2021〕11号); `null` when it could not be verified. */
  number: z.string().max(60).nullable(),
  /** Whether `number` was confirmed against reliable text. */
  numberVerified: z.boolean(),
  /** Date the notice was issued. */
  issued: CivilDate,
  /** The official publication (www.gov.cn). */
  url: z.string().url().max(300),
  /** Where the dates were checked: machine-readable copies and full-text reprints. */
  evidence: z.array(z.string().min(4).max(500)).min(1).max(10),
  note: z.string().max(2000).optional(),
});
export type CalendarNotice = z.infer<typeof CalendarNotice>;

/** One holiday of a notice: the consecutive days off and the make-up working days that go with them. */
export const HolidayPeriod = z.strictObject({
  name: Bilingual,
  /** First and last day off, inclusive (`X至Y放假`). */
  from: CivilDate,
  to: CivilDate,
  /** Weekend days worked instead (调休上班), listed in the same paragraph of the notice. */
  makeupWorkdays: z.array(CivilDate).max(10),
  /** Ids of the notices (of the same year) that set this period. */
  notices: z.array(NoticeId).min(1).max(5),
  note: z.string().max(2000).optional(),
});
export type HolidayPeriod = z.infer<typeof HolidayPeriod>;

/** One covered year. */
export const CalendarYear = z.strictObject({
  year: z.number().int().min(1992).max(2199),
  /**
   * How the dates were checked: `official` against a stored official copy of
   * the notice; `secondary` against full-text reprints and machine-readable copies.
   * A year that cannot be sourced is not listed, and so is not covered.
   */
  textStatus: z.enum(['official', 'secondary']),
  notices: z.array(CalendarNotice).min(1).max(5),
  holidays: z.array(HolidayPeriod).min(1).max(20),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

const weekday = (date: string): number => {
  const n = dayNumber(parseCivilDate(date)!);
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
};

/** A calendar file. Its consistency rules are checked on load. */
export const CalendarFile = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    /** e.g. `cn-mainland`. */
    id: CalendarId,
    /** Version of the data; bump it whenever a year is added or corrected. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/).max(40),
    title: Bilingual,
    /** The zone civil days are taken in. */
    zone: z.literal('Asia/Shanghai'),
    workingDayRule: z.string().max(1000),
    /** First and last day the calendar answers for; every other day is refused. */
    coverage: z.strictObject({ from: CivilDate, to: CivilDate }),
    note: z.string().max(4000).optional(),
    years: z.array(CalendarYear).min(1).max(300),
  })
  .superRefine((file, ctx) => {
    const { from, to } = file.coverage;
    const years = file.years.map((y) => y.year);
    years.forEach((y, i) => {
      if (i > 0 && y !== years[i - 1]! + 1) {
        ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `years must be consecutive: ${y} follows ${years[i - 1]}` });
      }
    });
    if (from !== `${years[0]}-01-01` || to !== `${years[years.length - 1]}-12-31`) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverage'],
        message: `coverage must run from 1 January of the first listed year to 31 December of the last (${years[0]}-01-01 to ${years[years.length - 1]}-12-31)`,
      });
    }
    const off = new Map<string, string>();
    const work = new Map<string, string>();
    file.years.forEach((year, yi) => {
      const noticeIds = new Set(year.notices.map((n) => n.id));
      year.holidays.forEach((h, hi) => {
        const at = ['years', yi, 'holidays', hi];
        for (const n of h.notices) {
          if (!noticeIds.has(n)) ctx.addIssue({ code: 'custom', path: [...at, 'notices'], message: `names notice "${n}", which ${year.year} does not list` });
        }
        if (h.from > h.to) ctx.addIssue({ code: 'custom', path: [...at, 'from'], message: '"from" is after "to"' });
        if (h.from < from || h.to > to) ctx.addIssue({ code: 'custom', path: at, message: `lies outside the coverage ${from} to ${to}` });
        const fromParts = parseCivilDate(h.from);
        const toParts = parseCivilDate(h.to);
        if (!fromParts || !toParts) return; // a malformed date is reported at its own path
        const first = dayNumber(fromParts);
        const last = dayNumber(toParts);
        if (last - first > 30) ctx.addIssue({ code: 'custom', path: at, message: 'a holiday period longer than 31 days is not plausible' });
        for (let n = first; n <= last && n - first <= 31; n++) {
          const d = new Date(n * 86_400_000).toISOString().slice(0, 10);
          if (off.has(d)) ctx.addIssue({ code: 'custom', path: at, message: `${d} is already a holiday (${off.get(d)})` });
          off.set(d, h.name.en);
        }
        h.makeupWorkdays.forEach((d, di) => {
          if (!parseCivilDate(d)) return;
          const wd = weekday(d);
          if (wd !== 0 && wd !== 6) ctx.addIssue({ code: 'custom', path: [...at, 'makeupWorkdays', di], message: `${d} is not a Saturday or Sunday` });
          if (d < from || d > to) ctx.addIssue({ code: 'custom', path: [...at, 'makeupWorkdays', di], message: `${d} lies outside the coverage` });
          if (work.has(d)) ctx.addIssue({ code: 'custom', path: [...at, 'makeupWorkdays', di], message: `${d} is listed twice` });
          work.set(d, h.name.en);
        });
      });
    });
    for (const d of work.keys()) {
      if (off.has(d)) ctx.addIssue({ code: 'custom', path: ['years'], message: `${d} is both a holiday and a make-up working day` });
    }
  });
export type CalendarFile = z.infer<typeof CalendarFile>;

/**
 * A user's calendar that builds on a shipped one: `extends` names it
 * (`cn-mainland`), `years` adds years after (or before) its coverage or
 * replaces covered years, each in the format of a shipped year — e.g. next
 * year's State Council notice before the library's next release.
 */
export const CalendarExtension = z.strictObject({
  $schema: z.string().max(500).optional(),
  /** The shipped calendar it builds on. */
  extends: CalendarId,
  note: z.string().max(4000).optional(),
  /** Years to add or to replace, each with the notice(s) it was transcribed from. */
  years: z.array(CalendarYear).min(1).max(300),
});
export type CalendarExtension = z.infer<typeof CalendarExtension>;
