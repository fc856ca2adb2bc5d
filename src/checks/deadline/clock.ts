/**
 * How a deadline clock runs (SPEC §6). The rule supplies the numbers (start,
 * stop events, length, unit, flags); this module supplies the semantics:
 *
 * - the start day is never counted; day-based periods end at 24:00 (the last
 *   on-time instant is 23:59:59.999+08:00) of their last day; hour-based
 *   periods end exactly `length` hours after the start, which is still on time;
 * - civil days are Asia/Shanghai days whatever the host zone;
 * - working days come from the working-day calendar, and a day outside its
 *   coverage is never guessed;
 * - a calendar-day period rolls forward to the next working day only when the
 *   rule says `rollForward`;
 * - pauses are left out only for the reasons the rule names;
 * - a restart event before the clock stops and runs out starts the period
 *   again from its own date; an extension event before then lengthens it;
 * - the clock stops at the first stop event at or after its start; events
 *   after `asOf` have not happened yet.
 */
import { CalendarCoverageError } from '../../calendar/coverage-error.js';
import { addCalendarDays } from '../../calendar/add-calendar-days.js';
import { type Interval, addHours, mergeIntervals } from '../../calendar/add-hours.js';
import { addWorkingDays } from '../../calendar/add-working-days.js';
import { rollForwardToWorkingDay } from '../../calendar/roll-forward.js';
import { shanghaiDayEnd, shanghaiDayStart } from '../../calendar/shanghai-day.js';
import type { WorkingCalendar } from '../../calendar/working-calendar.js';
import type { Clock } from '../../schemas/clock.js';
import type { ServiceCase } from '../../schemas/service-case.js';
import { DAY_MS, parseInstant, shanghaiDate } from '../../time/civil.js';
import { eventsAsOf } from './facts.js';

type TimedEvent = ReturnType<typeof eventsAsOf>[number];

/** Where a clock's start stands. */
export type ClockStartState = { readonly state: 'started'; readonly ms: number } | { readonly state: 'not-started' };

/** A clock judged at `asOf`. Instants are epoch milliseconds. */
export interface ClockOutcome {
  readonly status: 'met' | 'breached' | 'pending' | 'indeterminate';
  readonly length: number;
  readonly startMs?: number;
  readonly dueMs?: number;
  readonly completedMs?: number;
  readonly lastDay?: string;
  readonly rolledForwardFrom?: string;
  readonly restartedAt?: readonly number[];
  readonly extendedBy?: number;
  readonly excludedDays?: readonly string[];
  readonly excludedMs?: number;
  readonly dueNotBeforeMs?: number;
  readonly reason?: string;
}

/** Where the clock of a rule starts, given the case's events as of `asOf`. */
export function clockStart(clock: Clock, serviceCase: ServiceCase, events: readonly TimedEvent[]): ClockStartState {
  const start = clock.start;
  if (start === 'receivedAt') return { state: 'started', ms: parseInstant(serviceCase.receivedAt)! };
  if (start === 'documentsComplete') {
    // Complete on receipt unless the case records missing papers: the reading most
    // protective of the customer (the insurer records incompleteOnReceipt when it was not).
    const received = parseInstant(serviceCase.receivedAt)!;
    if (serviceCase.incompleteOnReceipt === false) return { state: 'started', ms: received };
    const complete = events.find((e) => e.type === 'documents-complete');
    if (complete) return { state: 'started', ms: complete.ms };
    return serviceCase.incompleteOnReceipt === true ? { state: 'not-started' } : { state: 'started', ms: received };
  }
  const first = events.find((e) => e.type === start.event);
  return first ? { state: 'started', ms: first.ms } : { state: 'not-started' };
}

interface Due {
  dueMs: number;
  lastDay?: string;
  rolledForwardFrom?: string;
  excludedDays: string[];
  excludedMs: number;
}

/** The pauses this clock leaves out, clipped to what has happened by `asOf`, merged. */
function excludedIntervals(clock: Clock, serviceCase: ServiceCase, asOfMs: number): Interval[] {
  const allowed = clock.excludePauses ?? [];
  if (!allowed.length) return [];
  const out: Interval[] = [];
  for (const p of serviceCase.pauses) {
    const rule = allowed.find((a) => a.reason === p.reason);
    if (!rule || (rule.requiresNotice && p.noticeGiven !== true)) continue;
    const from = parseInstant(p.from)!;
    const to = Math.min(parseInstant(p.to)!, asOfMs);
    if (to > from) out.push({ from, to });
  }
  return mergeIntervals(out);
}

function dueFrom(clock: Clock, startMs: number, length: number, pauses: readonly Interval[], calendar: WorkingCalendar): Due {
  if (clock.unit === 'hours') {
    const dueMs = addHours(startMs, length, pauses);
    return { dueMs, excludedDays: [], excludedMs: dueMs - (startMs + length * 3_600_000) };
  }
  const excludedDays: string[] = [];
  const skip = pauses.length
    ? (date: string) => {
        const from = shanghaiDayStart(date);
        const paused = pauses.some((p) => p.from <= from && p.to >= from + DAY_MS);
        if (paused) excludedDays.push(date);
        return paused;
      }
    : undefined;
  const startDay = shanghaiDate(startMs);
  let lastDay =
    clock.unit === 'workingDays'
      ? addWorkingDays(startDay, length, { calendar, ...(skip ? { skip } : {}) })
      : addCalendarDays(startDay, length, skip ? { skip } : {});
  let rolledForwardFrom: string | undefined;
  if (clock.unit === 'calendarDays' && clock.rollForward) {
    const rolled = rollForwardToWorkingDay(lastDay, calendar);
    if (rolled !== lastDay) {
      rolledForwardFrom = lastDay;
      lastDay = rolled;
    }
  }
  return { dueMs: shanghaiDayEnd(lastDay), lastDay, ...(rolledForwardFrom ? { rolledForwardFrom } : {}), excludedDays, excludedMs: 0 };
}

/**
 * The earliest the due instant can be, computed without the working-day
 * calendar: a period of n working days (or n calendar days rolled forward)
 * never ends before the n-th calendar day after the start.
 */
function dueLowerBound(clock: Clock, startMs: number, length: number): number {
  if (clock.unit === 'hours') return startMs + length * 3_600_000;
  return shanghaiDayEnd(addCalendarDays(shanghaiDate(startMs), length));
}

/** Runs a rule's clock on a case as of `asOfMs` (the caller has established that it started). */
export function runClock(clock: Clock, serviceCase: ServiceCase, asOfMs: number, calendar: WorkingCalendar): ClockOutcome {
  const events = eventsAsOf(serviceCase, asOfMs);
  const begun = clockStart(clock, serviceCase, events);
  if (begun.state === 'not-started') {
    return { status: 'indeterminate', length: clock.length, reason: 'the clock has not started' };
  }
  const stops = new Set<string>(clock.stop);
  const pauses = excludedIntervals(clock, serviceCase, asOfMs);
  let startMs = begun.ms;
  const restartedAt: number[] = [];
  let length = clock.length;
  let extendedBy = 0;
  let stop: TimedEvent | undefined;
  let due: Due;
  try {
    for (;;) {
      const from = startMs;
      stop = events.find((e) => stops.has(e.type) && e.ms >= from);
      const stopMs = stop?.ms;
      length = clock.length;
      extendedBy = 0;
      due = dueFrom(clock, from, length, pauses, calendar);
      if (clock.extension) {
        const ext = clock.extension;
        const base = due.dueMs;
        const approved = events.find((e) => e.type === ext.event && e.ms >= from && e.ms <= base && (stopMs === undefined || e.ms <= stopMs));
        if (approved) {
          extendedBy = ext.length;
          length = clock.length + ext.length;
          due = dueFrom(clock, from, length, pauses, calendar);
        }
      }
      if (clock.restartOn) {
        const until = due.dueMs;
        const again = events.find(
          (e) => e.type === clock.restartOn && e.ms > from && e.ms <= until && (stopMs === undefined || e.ms < stopMs),
        );
        if (again) {
          startMs = again.ms;
          restartedAt.push(again.ms);
          continue;
        }
      }
      break;
    }
  } catch (e) {
    if (!(e instanceof CalendarCoverageError)) throw e;
    // The due instant needs a day the calendar does not cover: the clock is
    // indeterminate, with the reason. `dueNotBeforeMs` (a bound that needs no
    // calendar) is reported for information only; the status is never inferred.
    return {
      status: 'indeterminate',
      length,
      startMs,
      dueNotBeforeMs: dueLowerBound(clock, startMs, length),
      reason: e.message,
      ...(stop ? { completedMs: stop.ms } : {}),
      ...(restartedAt.length ? { restartedAt } : {}),
      ...(extendedBy ? { extendedBy } : {}),
    };
  }
  const extra = {
    ...(due.lastDay ? { lastDay: due.lastDay } : {}),
    ...(due.rolledForwardFrom ? { rolledForwardFrom: due.rolledForwardFrom } : {}),
    ...(restartedAt.length ? { restartedAt } : {}),
    ...(extendedBy ? { extendedBy } : {}),
    ...(due.excludedDays.length ? { excludedDays: due.excludedDays } : {}),
    ...(due.excludedMs ? { excludedMs: due.excludedMs } : {}),
  };
  if (stop) {
    return { status: stop.ms <= due.dueMs ? 'met' : 'breached', length, startMs, dueMs: due.dueMs, completedMs: stop.ms, ...extra };
  }
  return { status: asOfMs > due.dueMs ? 'breached' : 'pending', length, startMs, dueMs: due.dueMs, ...extra };
}
