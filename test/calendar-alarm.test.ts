/**
 * The alarm that keeps the working-day calendar from running out unnoticed.
 * It reads today's date (tests may; checks never do) and fails loudly when
 * the calendar covers fewer than ALARM_DAYS more days: add next year's State
 * Council notice to rules/calendars/cn-mainland.json (docs/calendar.md).
 * ICR_CALENDAR_ALARM_DAYS overrides the threshold.
 */
import { describe, expect, it } from 'vitest';
import { CN_MAINLAND_CALENDAR, coverageRunway } from '../src/index.js';

const ALARM_DAYS = Number(process.env.ICR_CALENDAR_ALARM_DAYS ?? 30);
const WARN_DAYS = 90;

/** Today's civil date in Asia/Shanghai. */
function todayInShanghai(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('coverageRunway', () => {
  it('counts the days left after a given day', () => {
    expect(coverageRunway('2026-12-31')).toBe(0);
    expect(coverageRunway('2026-12-01')).toBe(30);
    expect(coverageRunway('2027-01-01')).toBe(-1);
    expect(coverageRunway('2025-12-31')).toBe(365);
  });
});

describe('end-of-coverage alarm', () => {
  it(`the calendar still covers at least ${ALARM_DAYS} days after today`, () => {
    const today = todayInShanghai();
    const left = coverageRunway(today);
    const { to } = CN_MAINLAND_CALENDAR.coverage;
    const next = Number(to.slice(0, 4)) + 1;
    if (left < WARN_DAYS && left >= ALARM_DAYS) {
      console.warn(
        `⚠ The working-day calendar ends on ${to}, ${left} days from today (${today}). Add the State Council's notice for ${next} ` +
          `(国务院办公厅关于${next}年部分节假日安排的通知) to rules/calendars/cn-mainland.json as soon as it is published — see docs/calendar.md.`,
      );
    }
    expect(
      left,
      `CALENDAR COVERAGE ENDS ${to}, ${left} days from today (${today}). Deadlines running past ${to} are indeterminate. ` +
        `Add the State Council notice for ${next} to rules/calendars/cn-mainland.json (docs/calendar.md), then re-run the tests.`,
    ).toBeGreaterThanOrEqual(ALARM_DAYS);
  });
});
